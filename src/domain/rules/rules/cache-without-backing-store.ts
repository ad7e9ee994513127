import type { DesignNode } from '../../diagram/schema.ts';
import { makeFinding } from '../analysis/finding.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A cache holds copies: on a miss, or after a restart or eviction, the data must come from somewhere. If the services using a cache have no database or service behind it, either the design is missing the source of truth or the cache is being used as one, and a cache node restart loses data.';
const FIX =
  'Draw the database or service the cached data comes from (cache-aside: read the cache, fall back to the source, then fill the cache). If the cache really is the store, use a durable store or enable persistence and replicas.';

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
    const findings: Finding[] = [];
    for (const cache of index.nodesByRole.get('datastore') ?? []) {
      if (cache.kind !== 'cache') continue;
      const users: DesignNode[] = [];
      const edges: string[] = [];
      let backed = false;
      for (const edge of index.incoming(cache.id, 'data')) {
        const user = index.nodeById.get(edge.source);
        if (!user || index.roleOf(user.id) !== 'compute') continue;
        edges.push(edge.id);
        if (!users.includes(user)) users.push(user);
        if (
          index.outgoing(user.id, 'sync').length > 0 ||
          index.outgoing(user.id, 'data').some((e) => index.roleOf(e.target) === 'datastore' && index.kindOf(e.target)?.id !== 'cache')
        ) {
          backed = true;
          break;
        }
      }
      if (backed || users.length === 0) continue;
      const names = users.map((u) => u.name);
      findings.push(
        makeFinding(cacheWithoutBackingStore, {
          message: `${listNames(names)} ${names.length === 1 ? 'uses' : 'use'} ${cache.name} with no database or service behind it: where do cache misses go, and what survives a restart?`,
          why: WHY,
          fix: FIX,
          elementIds: [cache.id, ...users.map((u) => u.id), ...edges],
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
