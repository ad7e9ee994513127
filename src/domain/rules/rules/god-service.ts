import { COMPUTE, DATA, DATASTORE, factsOf, kindCode } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A service that carries many unrelated jobs, or owns many unrelated sets of data, is a monolith drawn as one box: every change to any of its jobs redeploys all of them, its hottest job sets the scaling for the rest, one bad release or one overload takes every job down together, and no single team can own it. A diagram with one such box also hides the design: where the request paths part, which data belongs to whom, what can fail alone.';
const FIX =
  'Split it along its jobs: give each capability (and the data it owns) a service of its own, so each scales, fails and is released on its own. Keep together only what always changes together.';

const thresholds = { maxResponsibilities: 4, maxOwnedStores: 4 };
const CACHE = kindCode('cache');
const READ_REPLICA = kindCode('read-replica');

export const godService: RuleDefinition<typeof thresholds> = {
  id: 'god-service',
  title: 'God service',
  severity: 'warning',
  glossaryTerm: 'god-service',
  summary: 'Flags one service that carries many unrelated responsibilities or owns many datastores.',
  condition:
    'A compute node whose responsibilities list `maxResponsibilities` or more different entries (compared case-insensitively), or that writes (data edge with access write or read-write) to `maxOwnedStores` or more different datastores other than caches and read replicas.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.out[DATA];
    for (const i of facts.byRole[COMPUTE]!) {
      const node = facts.nodes[i]!;
      const jobs = new Set(node.responsibilities.map((r) => r.trim().toLowerCase()).filter(Boolean));
      const owned: number[] = [];
      const edgeIds: string[] = [];
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const e = facts.edges[k]!;
        if (e.family !== 'data' || (e.access !== 'write' && e.access !== 'read-write')) continue;
        const target = facts.target[k]!;
        if (facts.role[target] !== DATASTORE || facts.kind[target] === CACHE || facts.kind[target] === READ_REPLICA) continue;
        if (!owned.includes(target)) owned.push(target);
        edgeIds.push(e.id);
      }
      const tooManyJobs = jobs.size >= t.maxResponsibilities;
      const tooMuchData = owned.length >= t.maxOwnedStores;
      if (!tooManyJobs && !tooMuchData) continue;
      const parts: string[] = [];
      if (tooManyJobs) parts.push(`does ${jobs.size} different jobs (${[...node.responsibilities].slice(0, 6).join(', ')}${jobs.size > 6 ? ', …' : ''})`);
      if (tooMuchData) parts.push(`writes to ${owned.length} datastores (${owned.slice(0, 5).map((s) => facts.nodes[s]!.name).join(', ')}${owned.length > 5 ? ', …' : ''})`);
      findings.push(
        makeFinding(godService, {
          message: `${node.name} ${parts.join(' and ')}: one box doing the work of several services.`,
          why: WHY,
          fix: FIX,
          elementIds: [node.id, ...(tooMuchData ? [...owned.map((s) => facts.nodes[s]!.id), ...edgeIds] : [])],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-god-service-failing',
      title: 'One platform service does everything',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        platform: ['service', 'Platform', { responsibilities: ['orders', 'payments', 'catalog', 'shipping'] }],
        orders: ['relational-database', 'Orders DB'],
        payments: ['relational-database', 'Payments DB'],
        catalog: ['document-store', 'Catalog DB'],
        shipping: ['relational-database', 'Shipping DB'],
      },
      links: [['web', 'gw'], ['gw', 'platform'], ['platform', 'orders'], ['platform', 'payments'], ['platform', 'catalog'], ['platform', 'shipping']],
    }),
    passing: sketch({
      id: 'example-god-service-passing',
      title: 'Each capability in a service of its own',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders', { responsibilities: ['orders', 'shipping'] }],
        payments: ['service', 'Payments', { responsibilities: ['payments'] }],
        catalog: ['service', 'Catalog', { responsibilities: ['catalog'] }],
        ordersDb: ['relational-database', 'Orders DB'],
        shippingDb: ['relational-database', 'Shipping DB'],
        paymentsDb: ['relational-database', 'Payments DB'],
        catalogDb: ['document-store', 'Catalog DB'],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['gw', 'payments'], ['gw', 'catalog'], ['orders', 'ordersDb'], ['orders', 'shippingDb'], ['payments', 'paymentsDb'], ['catalog', 'catalogDb']],
    }),
  },
};
