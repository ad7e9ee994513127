import { makeFinding } from '../analysis/finding.ts';
import { OBSERVABILITY_KINDS } from '../analysis/graph.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Every service costs a deployment pipeline, monitoring, on-call and a network hop on each request. A service with no data of its own, one caller and no calls of its own does not own a capability; it is a function that happens to live across the network, paying latency and failure modes for no independence.';
const FIX =
  'Fold it into its caller as a module or library, or give it a real capability: its own data and more than one consumer.';

export const nanoservice: RuleDefinition<Record<string, never>> = {
  id: 'nanoservice',
  title: 'Nanoservice',
  severity: 'info',
  glossaryTerm: 'nanoservices',
  summary: 'Flags a tiny service with no data, a single caller and no calls of its own.',
  condition:
    'A compute node, other than a serverless function, with no data edges, whose incoming edges are all sync edges from exactly one other compute node, and whose outgoing edges (if any) only go to telemetry collectors.',
  thresholds: {},
  check({ index }) {
    const findings: Finding[] = [];
    for (const node of index.nodesByRole.get('compute') ?? []) {
      if (node.kind === 'serverless-function') continue;
      const incoming = index.incoming(node.id);
      if (incoming.length === 0 || incoming.length !== index.incoming(node.id, 'sync').length) continue;
      const caller = incoming[0]!.source;
      if (incoming.some((e) => e.source !== caller) || index.roleOf(caller) !== 'compute') continue;
      if (index.outgoing(node.id).some((e) => !OBSERVABILITY_KINDS.has(index.kindOf(e.target)?.id ?? ''))) continue;
      const callerName = index.nodeById.get(caller)?.name ?? caller;
      findings.push(
        makeFinding(nanoservice, {
          message: `${node.name} holds no data, is called only by ${callerName} and calls nothing itself: it may be a part of ${callerName} rather than a service of its own.`,
          why: WHY,
          fix: FIX,
          elementIds: [node.id, caller, ...incoming.map((e) => e.id)],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-nanoservice-failing',
      title: 'A price formatter service',
      nodes: { gw: ['api-gateway', 'API gateway'], catalog: ['service', 'Catalog'], db: ['document-store', 'Catalog DB'], format: ['service', 'Price formatter'] },
      links: [['gw', 'catalog'], ['catalog', 'db'], ['catalog', 'format']],
    }),
    passing: sketch({
      id: 'example-nanoservice-passing',
      title: 'Pricing owns its rules and serves two callers',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        catalog: ['service', 'Catalog'],
        cart: ['service', 'Cart'],
        db: ['document-store', 'Catalog DB'],
        pricing: ['service', 'Pricing'],
        rules: ['relational-database', 'Price rules'],
      },
      links: [['gw', 'catalog'], ['gw', 'cart'], ['catalog', 'db'], ['catalog', 'pricing'], ['cart', 'pricing'], ['pricing', 'rules']],
    }),
  },
};
