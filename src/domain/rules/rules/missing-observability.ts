import type { KindId } from '../../diagram/catalog.ts';
import type { Design } from '../../diagram/schema.ts';
import { belowEverything, freshId, newNode, rewire, takenIds } from '../analysis/edits.ts';
import { makeFinding, MAX_ELEMENT_IDS, quickFix } from '../analysis/finding.ts';
import { COMPUTE, factsOf, PLATFORM, TELEMETRY } from '../analysis/facts.ts';
import { sketch } from '../sketch.ts';
import type { RuleDefinition } from '../types.ts';

const WHY =
  'With several services, one user request crosses many processes, and no single log shows what happened to it. Without traces, central logs and metrics with alerts, you learn about outages from users and spend the incident guessing which service is at fault.';
const FIX =
  'Add a tracing collector (every service propagates a trace id), a log aggregator and metrics with alerts on what users feel: error rate and latency per endpoint.';

const thresholds = { minServices: 3 };

const STACK: readonly (readonly [KindId, string, string])[] = [
  ['tracing-collector', 'tracing', 'Tracing'],
  ['log-aggregator', 'logs', 'Logs'],
  ['metrics-alerting', 'metrics', 'Metrics and alerts'],
];

function addObservability(design: Design): Design {
  const taken = takenIds(design);
  const start = belowEverything(design);
  const nodes = STACK.map(([kind, id, name], i) => newNode(kind, freshId(taken, id), { x: start.x + i * 220, y: start.y }, name));
  return rewire(design, { addNodes: nodes });
}

export const missingObservability: RuleDefinition<typeof thresholds> = {
  id: 'missing-observability',
  title: 'No observability',
  severity: 'warning',
  glossaryTerm: 'observability',
  summary: 'Flags a design with several services and no tracing, central logging or metrics.',
  condition:
    'At least `minServices` compute nodes and no tracing-collector, log-aggregator or metrics-alerting node. One finding for the design, naming the services (the first 64). Telemetry nodes need no edges: agents and sidecars ship the data.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const services = facts.byRole[COMPUTE]!;
    if (services.length < t.minServices) return [];
    if (facts.byRole[PLATFORM]!.some((i) => TELEMETRY[facts.kind[i]!] === 1)) return [];
    return [
      makeFinding(missingObservability, {
        key: 'design',
        message: `${services.length} services and no tracing, central logs or metrics: when a request fails, nothing shows where.`,
        why: WHY,
        fix: FIX,
        elementIds: services.slice(0, MAX_ELEMENT_IDS).map((i) => facts.nodes[i]!.id),
        quickFixes: [quickFix('add-observability', 'Add tracing, logs and metrics', addObservability)],
      }),
    ];
  },
  examples: {
    failing: sketch({
      id: 'example-missing-observability-failing',
      title: 'Three services, no telemetry',
      nodes: { gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'], stock: ['service', 'Stock'], cart: ['service', 'Cart'] },
      links: [['gw', 'orders'], ['gw', 'stock'], ['gw', 'cart']],
    }),
    passing: sketch({
      id: 'example-missing-observability-passing',
      title: 'Three services with tracing',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        stock: ['service', 'Stock'],
        cart: ['service', 'Cart'],
        tracing: ['tracing-collector', 'Tracing'],
      },
      links: [['gw', 'orders'], ['gw', 'stock'], ['gw', 'cart']],
    }),
  },
};
