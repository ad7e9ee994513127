import { COMPUTE, DATA, DATASTORE, factsOf, kindCode, NumberSet, SYNC } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A cache holds copies: on a miss, or after a restart or eviction, the data must come from somewhere. If the services using a cache have no database or service behind it, either the design is missing the source of truth or the cache is being used as one, and a cache node restart loses data.';
const FIX =
  'Draw the database or service the cached data comes from (cache-aside: read the cache, fall back to the source, then fill the cache). If the cache really is the store, use a durable store or enable persistence and replicas.';

const CACHE = kindCode('cache');

export const cacheWithoutBackingStore: RuleDefinition<Record<string, never>> = {
  id: 'cache-without-backing-store',
  title: 'Cache without a source of truth',
  severity: 'info',
  glossaryTerm: 'caching',
  summary: 'Flags a cache whose users have no database or service behind it to fall back to.',
  condition:
    'A cache with at least one data edge from a service, where none of those services has a data edge to a datastore that is not a cache, nor any sync edge (to a service or third party whose answers it may be caching).',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const inData = facts.in[DATA];
    const outData = facts.out[DATA];
    const outSync = facts.out[SYNC];
    const seen = new NumberSet(facts.n);
    for (const i of facts.byRole[DATASTORE]!) {
      if (facts.kind[i] !== CACHE || inData.start[i] === inData.start[i + 1]) continue;
      let backed = false;
      let used = false;
      for (let j = inData.start[i]!; j < inData.start[i + 1]! && !backed; j++) {
        const u = facts.source[inData.edge[j]!]!;
        if (facts.role[u] !== COMPUTE) continue;
        used = true;
        if (outSync.start[u] !== outSync.start[u + 1]) backed = true;
        for (let q = outData.start[u]!; q < outData.start[u + 1]! && !backed; q++) {
          const store = facts.target[outData.edge[q]!]!;
          backed = facts.role[store] === DATASTORE && facts.kind[store] !== CACHE;
        }
      }
      if (backed || !used) continue;
      // Unbacked: list the users and their data edges.
      const users: number[] = [];
      const edges: number[] = [];
      seen.clear();
      for (let j = inData.start[i]!; j < inData.start[i + 1]!; j++) {
        const k = inData.edge[j]!;
        const u = facts.source[k]!;
        if (facts.role[u] !== COMPUTE) continue;
        edges.push(k);
        if (seen.add(u)) users.push(u);
      }
      const cache = facts.nodes[i]!;
      const names = users.map((u) => facts.nodes[u]!.name);
      findings.push(
        makeFinding(cacheWithoutBackingStore, {
          message: `${listNames(names)} ${names.length === 1 ? 'uses' : 'use'} ${cache.name} with no database or service behind it: where do cache misses go, and what survives a restart?`,
          why: WHY,
          fix: FIX,
          elementIds: [cache.id, ...users.map((u) => facts.nodes[u]!.id), ...edges.map((k) => facts.edges[k]!.id)],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-cache-without-backing-store-failing',
      title: 'Profiles live only in the cache',
      nodes: { gw: ['api-gateway', 'API gateway'], profiles: ['service', 'Profiles'], cache: ['cache', 'Profile cache', { instances: 2 }] },
      links: [['gw', 'profiles'], ['profiles', 'cache']],
    }),
    passing: sketch({
      id: 'example-cache-without-backing-store-passing',
      title: 'The profile cache sits in front of a database',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        profiles: ['service', 'Profiles'],
        cache: ['cache', 'Profile cache', { instances: 2 }],
        db: ['document-store', 'Profiles DB'],
      },
      links: [['gw', 'profiles'], ['profiles', 'cache'], ['profiles', 'db']],
    }),
  },
};
