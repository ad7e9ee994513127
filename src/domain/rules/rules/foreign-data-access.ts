import type { DataAccess, DataEdge, DesignNode } from '../../diagram/schema.ts';
import { callFacts, REPLICATE } from '../analysis/calls.ts';
import { makeFinding } from '../analysis/finding.ts';
import { COMPUTE, DATA, DATASTORE, factsOf } from '../analysis/facts.ts';
import { ownershipOf, sameText, type Ownership } from '../analysis/graph.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A datastore is part of its owner’s private implementation. When another service reads or writes it directly, the owner can no longer change its schema, cache or storage without breaking that service, and invariants the owner enforces in code can be bypassed. The two services end up deployed and changed together, which defeats splitting them.';
const FIX =
  'Ask the owning service for the data through its API, or subscribe to the events it publishes and keep a local read model. If the two really are one service, give them the same owner or put them in the same boundary.';

const VERB: Record<Exclude<DataAccess, 'replicate'>, string> = {
  read: 'reads',
  write: 'writes to',
  'read-write': 'reads and writes',
};

/** Foreign: the service declares another owner, or sits in another boundary, and is not the datastore's named owner. */
function isForeign(service: DesignNode, ownership: Ownership): boolean {
  const owner = ownership.owner;
  if (owner !== '') {
    if (service.owner === owner || service.name === owner) return false;
    const serviceOwner = service.owner.trim();
    if (serviceOwner !== '') return !sameText(serviceOwner, owner) && !sameText(service.name, owner);
    if (sameText(service.name, owner)) return false;
  }
  return ownership.groupId !== undefined && service.groupId !== undefined && service.groupId !== ownership.groupId;
}

export const foreignDataAccess: RuleDefinition<Record<string, never>> = {
  id: 'foreign-data-access',
  title: 'Reaching into another service’s data',
  severity: 'warning',
  glossaryTerm: 'database-per-service',
  summary: 'Flags a service that reads or writes a datastore owned by another service or boundary.',
  condition:
    'A data edge (read, write or read-write) from a service S to a datastore D that has an owner (D.owner, or the owner of the primary it replicates) or sits in a group, where S is not the owner (S.name and S.owner both differ from D.owner) and either S has a different non-empty owner or S is in a different group than D. Services with no owner and no group are not judged.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.in[DATA];
    const codes = callFacts(index).access;
    for (const i of facts.byRole[DATASTORE]!) {
      if (start[i] === start[i + 1]) continue;
      const ownership = ownershipOf(index, facts, i);
      if (ownership.owner === '' && ownership.groupId === undefined) continue;
      const store = facts.nodes[i]!;
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const s = facts.source[k]!;
        const a = codes[k]!;
        if (facts.role[s] !== COMPUTE || a === 0 || a === REPLICATE) continue;
        const service = facts.nodes[s]!;
        if (!isForeign(service, ownership)) continue;
        const e = facts.edges[k] as DataEdge & { access: Exclude<DataAccess, 'replicate'> };
        const ownerGroup = ownership.groupId === undefined ? undefined : index.groupById.get(ownership.groupId);
        const serviceGroup = service.groupId === undefined ? undefined : index.groupById.get(service.groupId);
        const owner = ownership.owner !== '' ? ownership.owner : `the ${ownerGroup?.name ?? 'other'} boundary`;
        const where = serviceGroup && serviceGroup.id !== ownership.groupId ? ` (in ${serviceGroup.name})` : '';
        findings.push(
          makeFinding(foreignDataAccess, {
            message: `${service.name}${where} ${VERB[e.access]} ${store.name}, which belongs to ${owner}.`,
            why: WHY,
            fix: FIX,
            elementIds: [service.id, store.id, e.id, ...(ownerGroup ? [ownerGroup.id] : [])],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-foreign-data-access-failing',
      title: 'Billing reads the Orders database',
      groups: { ordering: 'Ordering', invoicing: 'Invoicing' },
      nodes: {
        orders: ['service', 'Orders', { group: 'ordering' }],
        ordersDb: ['relational-database', 'Orders DB', { group: 'ordering' }],
        billing: ['service', 'Billing', { group: 'invoicing' }],
        billingDb: ['relational-database', 'Billing DB', { group: 'invoicing' }],
      },
      links: [['orders', 'ordersDb'], ['billing', 'billingDb'], ['billing', 'ordersDb', { access: 'read' }]],
    }),
    passing: sketch({
      id: 'example-foreign-data-access-passing',
      title: 'Billing asks Orders through its API',
      groups: { ordering: 'Ordering', invoicing: 'Invoicing' },
      nodes: {
        orders: ['service', 'Orders', { group: 'ordering' }],
        ordersDb: ['relational-database', 'Orders DB', { group: 'ordering' }],
        billing: ['service', 'Billing', { group: 'invoicing' }],
        billingDb: ['relational-database', 'Billing DB', { group: 'invoicing' }],
      },
      links: [['orders', 'ordersDb'], ['billing', 'billingDb'], ['billing', 'orders']],
    }),
  },
};
