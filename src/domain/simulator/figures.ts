/**
 * The performance figures the simulator uses for each component: the node's
 * own `performance` object where it gives a figure, else a default by kind
 * (or by role for kinds without their own), so a design with no figures at
 * all still runs. Defaults are round, typical numbers for one instance of
 * that kind of component, stated in docs/simulator.md.
 */
import { getKind, type KindId, type Role } from '../diagram/catalog.ts';
import type { DesignNode, ServiceTimeDistribution } from '../diagram/schema.ts';
import { distributionMean, logNormalSigma, CONSTANT, EXPONENTIAL, LOG_NORMAL } from './random.ts';

export interface KindFigures {
  /** Median service time, ms. */
  latencyMs: number;
  /** 99th percentile, ms (log-normal). */
  p99Ms: number;
  /** Requests one instance works on at once. */
  concurrency: number;
  errorRate: number;
}

/** Figures every node resolves to. */
export interface NodeFigures extends KindFigures {
  distribution: ServiceTimeDistribution;
  instances: number;
  /** Caches only: fraction of reads that hit; null for other kinds. */
  hitRatio: number | null;
  /** Brokers only: messages processed at once per consuming connection; null means the consumer's own capacity. */
  consumers: number | null;
  /** Brokers only: time to process one message; null means the consumer's own service time. */
  messageMs: number | null;
}

const BY_ROLE: Readonly<Record<Role, KindFigures>> = {
  client: { latencyMs: 0, p99Ms: 0, concurrency: 1_000_000, errorRate: 0 },
  external: { latencyMs: 100, p99Ms: 500, concurrency: 1000, errorRate: 0 },
  edge: { latencyMs: 1, p99Ms: 5, concurrency: 2000, errorRate: 0 },
  compute: { latencyMs: 5, p99Ms: 25, concurrency: 50, errorRate: 0 },
  datastore: { latencyMs: 5, p99Ms: 30, concurrency: 100, errorRate: 0 },
  broker: { latencyMs: 2, p99Ms: 10, concurrency: 1000, errorRate: 0 },
  platform: { latencyMs: 3, p99Ms: 15, concurrency: 200, errorRate: 0 },
};

const BY_KIND: Partial<Record<KindId, Partial<KindFigures>>> = {
  cdn: { latencyMs: 5, p99Ms: 30, concurrency: 10_000 },
  'api-gateway': { latencyMs: 2, p99Ms: 10 },
  worker: { latencyMs: 50, p99Ms: 250, concurrency: 10 },
  'serverless-function': { latencyMs: 20, p99Ms: 200, concurrency: 1000 },
  scheduler: { latencyMs: 10, p99Ms: 50, concurrency: 10 },
  'websocket-server': { latencyMs: 2, p99Ms: 10, concurrency: 500 },
  'stream-processor': { latencyMs: 5, p99Ms: 25, concurrency: 100 },
  'document-store': { latencyMs: 3, p99Ms: 15, concurrency: 200 },
  cache: { latencyMs: 0.5, p99Ms: 2, concurrency: 1000 },
  'object-storage': { latencyMs: 30, p99Ms: 150, concurrency: 1000 },
  'search-index': { latencyMs: 20, p99Ms: 100 },
  'data-warehouse': { latencyMs: 500, p99Ms: 3000, concurrency: 20 },
  'event-stream': { latencyMs: 5, p99Ms: 20 },
};

/** Hit ratio of a cache with no figure of its own. */
export const DEFAULT_HIT_RATIO = 0.9;

/** The figures for one kind with nothing set on the node. */
export function kindFigures(kind: KindId): KindFigures {
  return { ...BY_ROLE[getKind(kind).role], ...BY_KIND[kind] };
}

/** The node's figures: its own where set, the kind's defaults elsewhere. */
export function nodeFigures(node: DesignNode): NodeFigures {
  const base = kindFigures(node.kind);
  const p = node.performance ?? {};
  const latencyMs = p.latencyMs ?? base.latencyMs;
  // A latency given without a p99 keeps the kind's spread (p99 / median).
  const ratio = base.latencyMs > 0 ? base.p99Ms / base.latencyMs : 1;
  const p99Ms = p.p99Ms ?? latencyMs * ratio;
  const distribution: ServiceTimeDistribution = p.distribution ?? (getKind(node.kind).role === 'client' ? 'constant' : 'log-normal');
  let concurrency = p.concurrency ?? base.concurrency;
  if (p.concurrency === undefined && p.capacityRps !== undefined) {
    // Little's law: an instance serving capacityRps, each request taking the mean time, works on rate x time at once.
    const code = distributionCode(distribution);
    const mean = distributionMean(code, latencyMs, code === LOG_NORMAL ? logNormalSigma(latencyMs, p99Ms) : 0);
    concurrency = Math.max(1, Math.round((p.capacityRps * mean) / 1000));
  }
  return {
    latencyMs,
    p99Ms,
    distribution,
    concurrency,
    errorRate: p.errorRate ?? base.errorRate,
    instances: node.instances,
    hitRatio: node.kind === 'cache' ? (p.hitRatio ?? DEFAULT_HIT_RATIO) : null,
    consumers: p.consumers ?? null,
    messageMs: p.messageMs ?? null,
  };
}

export function distributionCode(distribution: ServiceTimeDistribution): number {
  return distribution === 'constant' ? CONSTANT : distribution === 'exponential' ? EXPONENTIAL : LOG_NORMAL;
}
