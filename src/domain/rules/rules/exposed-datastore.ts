import { createSyncEdge } from '../../diagram/factory.ts';
import type { DataEdge, Design } from '../../diagram/schema.ts';
import { absolutePosition, centroid, dataEdgeLike, findNode, freshId, newNode, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { CLIENT, COMPUTE, DATA, EDGE, factsOf } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A datastore that clients reach directly has nobody in front of it to check who is asking and what they may see: anyone who pulls the address and credentials out of the app can read or change every record. Installed clients also depend on its schema, so it can never change.';
const FIX =
  'Put a service in front of the datastore that authenticates each request and offers only the operations clients need. For large files, let a service hand out short-lived presigned URLs to object storage, or serve the files through a CDN.';

const VERB = { read: 'reads', write: 'writes to', 'read-write': 'reads and writes', replicate: 'replicates' } as const;

/** Replace a client's data edge with client -> new service -> datastore. */
function putServiceInFront(design: Design, edgeId: string): Design {
  const edge = design.edges.find((e): e is DataEdge => e.id === edgeId && e.family === 'data');
  const client = edge && findNode(design, edge.source);
  const store = edge && findNode(design, edge.target);
  if (!edge || !client || !store) return design;
  const taken = takenIds(design);
  const position = centroid([absolutePosition(design, client), absolutePosition(design, store)]);
  const service = newNode('service', freshId(taken, slugify(`${store.name} api`, 'data-api')), position, `${store.name} API`);
  const call = createSyncEdge(freshId(taken, 'data-api-call'), client.id, service.id);
  const access = dataEdgeLike(freshId(taken, 'data-api-access'), service.id, store.id, edge);
  return rewire(design, { addNodes: [service], addEdges: [call, access], removeEdgeIds: [edge.id] });
}

export const exposedDatastore: RuleDefinition<Record<string, never>> = {
  id: 'exposed-datastore',
  title: 'Datastore exposed to clients',
  severity: 'error',
  glossaryTerm: 'database-per-service',
  summary: 'Flags a client that reads or writes a datastore directly.',
  condition:
    'A data edge from a client node to a datastore (third parties cannot have data edges). Exception: object storage that some service or edge component (a CDN, a service that issues presigned URLs) also connects to is the usual direct-upload pattern and is not reported; object storage reached only by clients is a warning, any other datastore an error.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.out[DATA];
    const into = facts.in[DATA];
    for (const i of facts.byRole[CLIENT]!) {
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const e = facts.edges[k]!;
        const s = facts.target[k]!;
        if (e.family !== 'data') continue;
        const client = facts.nodes[i]!;
        const store = facts.nodes[s]!;
        const bucket = store.kind === 'object-storage';
        if (bucket) {
          let guarded = false;
          for (let q = into.start[s]!; q < into.start[s + 1]! && !guarded; q++) {
            const role = facts.role[facts.source[into.edge[q]!]!];
            guarded = role === COMPUTE || role === EDGE;
          }
          if (guarded) continue;
        }
        findings.push(
          makeFinding(exposedDatastore, {
            severity: bucket ? 'warning' : 'error',
            message: bucket
              ? `${client.name} ${VERB[e.access]} ${store.name} directly, and no service or CDN stands in front of it to hand out presigned URLs.`
              : `${client.name} ${VERB[e.access]} ${store.name} directly: the datastore is open to anyone who can reach the app.`,
            why: WHY,
            fix: FIX,
            elementIds: [client.id, store.id, e.id],
            quickFixes: [quickFix('service-in-front', `Put a service in front of ${store.name}`, (d) => putServiceInFront(d, e.id))],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-exposed-datastore-failing',
      title: 'The mobile app talks to the database',
      nodes: { app: ['mobile-client', 'Mobile app'], db: ['document-store', 'Users DB'] },
      links: [['app', 'db']],
    }),
    passing: sketch({
      id: 'example-exposed-datastore-passing',
      title: 'The mobile app goes through the Users service',
      nodes: { app: ['mobile-client', 'Mobile app'], users: ['service', 'Users'], db: ['document-store', 'Users DB'] },
      links: [['app', 'users'], ['users', 'db']],
    }),
  },
};
