import type { DataEdge, DesignNode } from '../../diagram/schema.ts';
import { callFacts, isWriteCode, REPLICATE } from '../analysis/calls.ts';
import { COMPUTE, DATA, DATASTORE, edgeElementIds, factsOf, kindCode, SOURCE_ID, TARGET_ID, type Facts } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { normal, replicaTree, sameParty } from '../analysis/graph.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When several services use the same tables, the schema becomes a contract nobody owns: one team’s migration can break another team’s service, and no service can change its data model alone. Writers also race each other on the same rows, and one service’s heavy queries slow every other service down.';
const FIX =
  'Give the data one owner. Other services ask the owner through its API, or keep their own copy built from its events. If the services only share a server, give each its own logical database and say so in the data edge’s database field.';

const thresholds = { minServices: 2, writersForError: 2 };

const WAREHOUSE = kindCode('data-warehouse');

/**
 * Write the data edges (numbers) from services into datastore i, replication
 * excluded, into `into` from position `count`; returns the new count. (A
 * reused list with a count: emptying an array by setting its length is slow.)
 */
function collectAccess(facts: Facts, access: Uint8Array, i: number, into: number[], count: number): number {
  const { start, edge } = facts.in[DATA];
  for (let j = start[i]!; j < start[i + 1]!; j++) {
    const k = edge[j]!;
    if (facts.role[facts.source[k]!] !== COMPUTE) continue;
    const a = access[k]!;
    if (a !== 0 && a !== REPLICATE) into[count++] = k;
  }
  return count;
}

interface Party {
  node: DesignNode;
  writes: boolean;
}

/**
 * Parties using the data, with whether each writes. Groups are usually small
 * and compared pairwise; a large group is keyed by owner instead.
 */
function partiesOf(facts: Facts, access: Uint8Array, group: readonly number[]): Party[] {
  const parties: Party[] = [];
  const byKey = group.length > 32 ? new Map<string, Party>() : undefined;
  for (const k of group) {
    const node = facts.nodes[facts.source[k]!]!;
    const writes = isWriteCode(access[k]!);
    const key = byKey && (node.owner.trim() === '' ? `node:${node.id}` : `owner:${normal(node.owner)}`);
    const party = key === undefined ? parties.find((p) => sameParty(p.node, node)) : byKey?.get(key);
    if (party) {
      party.writes ||= writes;
    } else {
      const created = { node, writes };
      parties.push(created);
      if (key !== undefined) byKey?.set(key, created);
    }
  }
  return parties;
}

/** Edge numbers grouped by logical database (the trimmed `database` field). */
function byDatabase(facts: Facts, access: readonly number[]): Iterable<[string, number[]]> {
  const first = (facts.edges[access[0]!] as DataEdge).database;
  if (access.every((k) => (facts.edges[k] as DataEdge).database === first)) return [[first.trim(), [...access]]];
  const groups = new Map<string, number[]>();
  for (const k of access) {
    const key = (facts.edges[k] as DataEdge).database.trim();
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  }
  return groups;
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
    const facts = factsOf(index);
    const tree = replicaTree(index);
    const findings: Finding[] = [];
    const codes = callFacts(index).access;
    const into = facts.in[DATA].start;
    const scratch: number[] = [];
    for (const i of facts.byRole[DATASTORE]!) {
      if (facts.kind[i] === WAREHOUSE || tree.primaryOf[i] !== -1) continue;
      const replicas = tree.hasReplicas[i] === 1 ? tree.replicasOf.get(i) : undefined;
      if (into[i] === into[i + 1] && !replicas) continue;
      let count = collectAccess(facts, codes, i, scratch, 0);
      if (replicas) for (const r of replicas) count = collectAccess(facts, codes, r, scratch, count);
      if (count < 2) continue;
      // One party (a single service, or services with one owner) cannot share anything.
      const firstSource = facts.source[scratch[0]!]!;
      const first = facts.nodes[firstSource]!;
      let several = false;
      for (let q = 1; q < count && !several; q++) {
        const s = facts.source[scratch[q]!]!;
        several = s !== firstSource && !sameParty(first, facts.nodes[s]!);
      }
      if (!several) continue;
      const access = scratch.slice(0, count);

      const store = facts.nodes[i]!;
      for (const [database, group] of byDatabase(facts, access)) {
        const parties = partiesOf(facts, codes, group);
        if (parties.length < Math.max(2, t.minServices)) continue;
        let writerParties = 0;
        for (const party of parties) if (party.writes) writerParties++;
        const writerSet = new Set<string>();
        const readerSet = new Set<string>();
        for (const k of group) {
          const name = facts.nodes[facts.source[k]!]!.name;
          (isWriteCode(codes[k]!) ? writerSet : readerSet).add(name);
        }
        const writers = [...writerSet];
        const readerNames = [...readerSet].filter((name) => !writerSet.has(name));
        const label = describeStore(store, database);
        const read = readerNames.length === 1 ? 'reads' : 'read';
        let message: string;
        if (writerParties >= t.writersForError) {
          message = `${listNames(writers)} ${writers.length === 2 ? 'both' : 'all'} write to ${label}`;
          message += readerNames.length > 0 ? `, and ${listNames(readerNames)} ${read} it too.` : '.';
        } else if (writerParties >= 1) {
          message = `${listNames(writers)} ${writers.length === 1 ? 'writes' : 'write'} to ${label}, and ${listNames(readerNames)} ${read} it directly.`;
        } else {
          message = `${listNames(readerNames)} ${readerNames.length === 2 ? 'both' : 'all'} read ${label} directly.`;
        }
        findings.push(
          makeFinding(sharedDatabase, {
            severity: writerParties >= t.writersForError ? 'error' : writerParties >= 1 ? 'warning' : 'info',
            message,
            why: WHY,
            fix: FIX,
            elementIds: edgeElementIds(facts, store.id, group, SOURCE_ID | TARGET_ID),
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
