import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DataEdge, DesignNode } from '../../diagram/schema.ts';
import { makeFinding } from '../analysis/finding.ts';
import { isWrite, partyOf, replicaPrimaries, replicasOf } from '../analysis/graph.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When several services use the same tables, the schema becomes a contract nobody owns: one team’s migration can break another team’s service, and no service can change its data model alone. Writers also race each other on the same rows, and one service’s heavy queries slow every other service down.';
const FIX =
  'Give the data one owner. Other services ask the owner through its API, or keep their own copy built from its events. If the services only share a server, give each its own logical database and say so in the data edge’s database field.';

const thresholds = { minServices: 2, writersForError: 2 };

/** Data edges from services to a datastore and to the read replicas fed from it. */
function accessEdges(index: GraphIndex, store: DesignNode): DataEdge[] {
  const edges: DataEdge[] = [];
  const collect = (id: string) => {
    for (const edge of index.incoming(id, 'data')) {
      if (edge.family === 'data' && edge.access !== 'replicate' && index.roleOf(edge.source) === 'compute') edges.push(edge);
    }
  };
  collect(store.id);
  for (const edge of index.outgoing(store.id, 'data')) {
    if (index.kindOf(edge.target)?.id === 'read-replica') {
      for (const replica of replicasOf(index, store.id)) collect(replica);
      break;
    }
  }
  return edges;
}

function describeStore(store: DesignNode, database: string): string {
  return database === '' ? store.name : `the "${database}" database on ${store.name}`;
}

export const sharedDatabase: RuleDefinition<typeof thresholds> = {
  id: 'shared-database',
  title: 'Shared database',
  severity: 'error',
  glossaryTerm: 'shared-database',
  summary: 'Flags a database that two or more services read or write directly.',
  condition:
    'For each datastore (except data warehouses) together with the read replicas fed from it, and for each logical database on it (the data edge’s `database` field; an empty field is the default database): the services (compute nodes) with a read, write or read-write data edge, counted as parties — services with the same non-empty owner count as one party. Reported when there are at least `minServices` parties: error when at least `writersForError` parties write, warning when one party writes, info when all only read.',
  thresholds,
  check({ index, thresholds: t }) {
    const findings: Finding[] = [];
    const replicas = replicaPrimaries(index);
    for (const store of index.nodesByRole.get('datastore') ?? []) {
      if (store.kind === 'data-warehouse' || replicas.has(store.id)) continue;
      const edges = accessEdges(index, store);
      if (edges.length < 2) continue;
      const first = edges[0]!.source;
      if (edges.every((e) => e.source === first)) continue;

      const byDatabase = new Map<string, DataEdge[]>();
      for (const edge of edges) {
        const key = edge.database.trim();
        const list = byDatabase.get(key);
        if (list) list.push(edge);
        else byDatabase.set(key, [edge]);
      }
      for (const [database, group] of byDatabase) {
        const parties = new Map<string, boolean>();
        const writers = new Map<string, string>();
        const readers = new Map<string, string>();
        for (const edge of group) {
          const node = index.nodeById.get(edge.source);
          if (!node) continue;
          const party = partyOf(node);
          const writes = isWrite(edge.access);
          parties.set(party, (parties.get(party) ?? false) || writes);
          if (writes) writers.set(node.id, node.name);
          else readers.set(node.id, node.name);
        }
        if (parties.size < t.minServices) continue;
        for (const id of writers.keys()) readers.delete(id);
        let writerParties = 0;
        for (const writes of parties.values()) if (writes) writerParties++;

        const label = describeStore(store, database);
        const writerNames = [...writers.values()];
        const readerNames = [...readers.values()];
        const read = readerNames.length === 1 ? 'reads' : 'read';
        let message: string;
        if (writerParties >= t.writersForError) {
          message = `${listNames(writerNames)} ${writerNames.length === 2 ? 'both' : 'all'} write to ${label}`;
          message += readerNames.length > 0 ? `, and ${listNames(readerNames)} ${read} it too.` : '.';
        } else if (writerParties >= 1) {
          message = `${listNames(writerNames)} ${writerNames.length === 1 ? 'writes' : 'write'} to ${label}, and ${listNames(readerNames)} ${read} it directly.`;
        } else {
          message = `${listNames(readerNames)} ${readerNames.length === 2 ? 'both' : 'all'} read ${label} directly.`;
        }
        findings.push(
          makeFinding(sharedDatabase, {
            severity: writerParties >= t.writersForError ? 'error' : writerParties >= 1 ? 'warning' : 'info',
            message,
            why: WHY,
            fix: FIX,
            elementIds: [store.id, ...group.flatMap((e) => [e.source, e.target, e.id])],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-shared-database-failing',
      title: 'Orders and Billing share one database',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        billing: ['service', 'Billing'],
        db: ['relational-database', 'Main DB'],
      },
      links: [['gw', 'orders'], ['gw', 'billing'], ['orders', 'db'], ['billing', 'db']],
    }),
    passing: sketch({
      id: 'example-shared-database-passing',
      title: 'Orders and Billing each have a logical database on one server',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        billing: ['service', 'Billing'],
        db: ['relational-database', 'Main DB'],
      },
      links: [['gw', 'orders'], ['gw', 'billing'], ['orders', 'db', { database: 'orders' }], ['billing', 'db', { database: 'billing' }]],
    }),
  },
};
