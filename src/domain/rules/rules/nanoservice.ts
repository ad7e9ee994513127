import { COMPUTE, factsOf, kindCode, TELEMETRY } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Every service costs a deployment pipeline, monitoring, on-call and a network hop on each request. A service with no data of its own, one caller and no calls of its own does not own a capability; it is a function that happens to live across the network, paying latency and failure modes for no independence.';
const FIX =
  'Fold it into its caller as a module or library, or give it a real capability: its own data and more than one consumer.';

const SERVERLESS_FUNCTION = kindCode('serverless-function');

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
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const [inSync, inAsync, inData] = facts.in;
    const [outSync, outAsync, outData] = facts.out;
    for (const i of facts.byRole[COMPUTE]!) {
      const start = inSync.start[i]!;
      const end = inSync.start[i + 1]!;
      if (start === end || inAsync.start[i] !== inAsync.start[i + 1] || inData.start[i] !== inData.start[i + 1]) continue;
      if (outAsync.start[i] !== outAsync.start[i + 1] || outData.start[i] !== outData.start[i + 1]) continue;
      if (facts.kind[i] === SERVERLESS_FUNCTION) continue;
      const node = facts.nodes[i]!;
      const caller = facts.source[inSync.edge[start]!]!;
      let single = facts.role[caller] === COMPUTE;
      for (let j = start + 1; j < end && single; j++) single = facts.source[inSync.edge[j]!] === caller;
      for (let j = outSync.start[i]!; j < outSync.start[i + 1]! && single; j++) {
        single = TELEMETRY[facts.kind[facts.target[outSync.edge[j]!]!]!] === 1;
      }
      if (!single) continue;
      const callerNode = facts.nodes[caller]!;
      const edgeIds: string[] = [];
      for (let j = start; j < end; j++) edgeIds.push(facts.edges[inSync.edge[j]!]!.id);
      findings.push(
        makeFinding(nanoservice, {
          message: `${node.name} holds no data, is called only by ${callerNode.name} and calls nothing itself: it may be a part of ${callerNode.name} rather than a service of its own.`,
          why: WHY,
          fix: FIX,
          elementIds: [node.id, callerNode.id, ...edgeIds],
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
