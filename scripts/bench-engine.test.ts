/**
 * The engine's findings on the benchmark designs, and on a batch of messy
 * random designs (owners, groups, side-work and saga names, dangling edges,
 * repeated ids), pinned by digest. The rules engine was rewritten for speed
 * (integer graph index, typed-array passes); these digests were taken from
 * the implementation before that work, so any change in ids, messages, order,
 * severities or quick fixes shows up here. If a rule's output changes on
 * purpose, check the new findings and update the digest printed by the
 * failing test (the eager and messy digests changed when deep-sync-chain
 * began reporting each entry service and distributed-write-without-saga
 * began following requests through several services).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../src/domain/diagram/catalog.ts';
import { allowedFamilies } from '../src/domain/diagram/connections.ts';
import { createDesign, createEdge, createNode } from '../src/domain/diagram/factory.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode } from '../src/domain/diagram/schema.ts';
import { analyzeDesign, type AnalyzeOptions } from '../src/domain/rules/engine.ts';
import { generateDesign } from './bench-engine.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Findings as text; with `applyFixes`, each quick fix's resulting design too (as a digest). */
function describeFindings(design: Design, options: AnalyzeOptions, applyFixes: boolean): string {
  return JSON.stringify(
    analyzeDesign(design, options).map((f) => ({
      ...f,
      quickFixes: f.quickFixes.map((q) => [q.id, q.label, applyFixes ? sha(JSON.stringify(q.apply(design))) : '']),
    })),
  );
}

/** Thresholds low enough that every rule has something to say. */
const EAGER: AnalyzeOptions = {
  config: {
    'deep-sync-chain': { thresholds: { maxHops: 1 } },
    'retry-amplification': { thresholds: { minRetryingHops: 1 } },
    'sync-fan-out': { thresholds: { fanOutTargets: 2, chattyCalls: 2 } },
    'missing-circuit-breaker': { thresholds: { sharedCallers: 1 } },
    'shared-database': { thresholds: { minServices: 1, writersForError: 1 } },
    'distributed-write-without-saga': { thresholds: { minOwners: 1 } },
    'no-api-gateway': { thresholds: { minServices: 1 } },
    'missing-observability': { thresholds: { minServices: 1 } },
    'unsafe-retry': { severity: 'info' },
    nanoservice: { enabled: false },
  },
};

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Orders', 'Billing', 'saga orchestrator', 'Email sender', 'notif', 'Audit log', 'Outbox relay', 'Cart', 'push svc', 'Search', 'Payments', 'workflow', 'Tracking'];
const OWNERS = ['team-a', ' Team-A ', 'team-b', 'Orders', 'orders', '', 'Billing'];

/** A random design that is not always valid: some edges dangle and some ids repeat. */
function messyDesign(seed: number, n: number): Design {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const groups: DesignGroup[] = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    id: `g${i}`,
    name: `Group ${i}`,
    type: 'bounded-context',
    position: { x: i * 600, y: 0 },
    size: { width: 500, height: 400 },
    notes: '',
  }));
  const nodes: DesignNode[] = [];
  for (let i = 0; i < n; i++) {
    const kind: KindId = pick(KIND_IDS);
    const id = r() < 0.03 && i > 0 ? `x${Math.floor(r() * i)}` : `x${i}`;
    const name = r() < 0.5 ? `${pick(WORDS)} ${i % 7}` : `${kind} ${i}`;
    const node: DesignNode = { ...createNode(kind, id, { x: i * 10, y: 0 }, name), instances: r() < 0.4 ? 1 : 3, owner: r() < 0.5 ? pick(OWNERS) : '' };
    if (r() < 0.2) node.responsibilities = [pick(WORDS)];
    if (groups.length > 0 && r() < 0.4) node.groupId = pick(groups).id;
    nodes.push(node);
  }
  const edges: DesignEdge[] = [];
  const count = Math.floor(n * (1 + r() * 3));
  for (let k = 0; k < count; k++) {
    const source = pick(nodes);
    const target = r() < 0.7 ? nodes[Math.min(n - 1, nodes.indexOf(source) + 1 + Math.floor(r() * 5))]! : pick(nodes);
    const families = allowedFamilies(source.kind, target.kind);
    if (families.length === 0 || source === target) continue;
    let edge: DesignEdge = createEdge(pick(families), `e${k}`, source, target);
    if (edge.family === 'sync') {
      edge = {
        ...edge,
        timeoutMs: r() < 0.3 ? null : Math.floor(r() * 20000) + 1,
        retry: { maxAttempts: 1 + Math.floor(r() * 3) * (r() < 0.5 ? 1 : 0), backoff: pick(['none', 'fixed', 'exponential'] as const), jitter: r() < 0.5 },
        idempotent: r() < 0.5,
        circuitBreaker: r() < 0.5,
        callsPerRequest: r() < 0.1 ? 'per-item' : r() < 0.1 ? 12 : 1,
        label: r() < 0.1 ? 'saga step' : '',
      };
    } else if (edge.family === 'async') {
      edge = { ...edge, deadLetterQueue: r() < 0.5, retry: { maxAttempts: r() < 0.5 ? 1 : 3, backoff: 'exponential', jitter: true }, notes: r() < 0.05 ? 'outbox' : '' };
    } else {
      edge = { ...edge, access: pick(['read', 'write', 'read-write', 'replicate'] as const), database: r() < 0.2 ? pick(['main', ' main ', 'aux']) : '' };
    }
    if (r() < 0.02) edge = { ...edge, target: 'missing-node' };
    if (r() < 0.02) edge = { ...edge, id: `e${Math.floor(r() * (k + 1))}` };
    edges.push(edge);
  }
  return { ...createDesign({ id: `messy-${seed}`, title: 'Messy', now: '2026-01-01T00:00:00.000Z' }), nodes, edges, groups };
}

describe('engine findings are unchanged', () => {
  it('on the benchmark designs', () => {
    const small = generateDesign(100);
    const medium = generateDesign(1000);
    const digests = {
      small: sha(describeFindings(small, {}, true)),
      smallEager: sha(describeFindings(small, EAGER, true)),
      medium: sha(describeFindings(medium, {}, true)),
      mediumEager: sha(describeFindings(medium, EAGER, false)),
      large: sha(describeFindings(generateDesign(5000), {}, false)),
      seeds: sha([1, 2, 3].map((seed) => describeFindings(generateDesign(500, seed), {}, false)).join('\n')),
    };
    expect(digests).toEqual({
      small: '3cfd248d627c91e4',
      smallEager: 'd2e9ec274d1ceabf',
      medium: '3aec264ae73fdef1',
      mediumEager: '7ca45b7fb720a43e',
      large: 'b44358c9045e5ede',
      seeds: '8cb23d7f0c6dc1ed',
    });
  }, 60_000);

  it('on messy random designs', () => {
    const texts: string[] = [];
    for (let seed = 0; seed < 150; seed++) {
      const design = messyDesign(seed, 5 + (seed % 60));
      texts.push(describeFindings(design, {}, seed % 5 === 0), describeFindings(design, EAGER, false));
    }
    expect(sha(texts.join('\n'))).toBe('0fc232ea562b80c3');
  }, 60_000);
});
