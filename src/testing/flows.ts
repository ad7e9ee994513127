/** Drawn flows for tests: a design with flows given as names and edge ids. */
import type { Design, FlowStep } from '../domain/diagram/schema.ts';

export function withFlows(design: Design, flows: Record<string, readonly string[]>): Design {
  return {
    ...design,
    flows: Object.entries(flows).map(([name, edges], i) => ({
      id: `flow-${i + 1}`,
      name,
      steps: edges.map((edge): FlowStep => ({ edge, when: 'always', share: 1, parallel: false })),
      notes: '',
    })),
  };
}
