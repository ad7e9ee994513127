/** The visual language of connections: line pattern, arrowheads and badges. */
import { asyncMode } from '../../domain/diagram/connections.ts';
import type { DesignEdge, DesignNode, Protocol } from '../../domain/diagram/schema.ts';

export const PROTOCOL_LABEL: Record<Protocol, string> = { http: 'HTTP', grpc: 'gRPC', graphql: 'GraphQL', websocket: 'WebSocket' };

export const FAMILY_LABEL = { sync: 'Synchronous request', async: 'Asynchronous message', data: 'Data access' } as const;

/**
 * Line colours are CSS variables (index.css) with a light and a dark value, each at
 * least 4.5:1 against the canvas. They are set inline: React Flow's own stylesheet
 * is not in a cascade layer, so it beats any Tailwind class on an edge path.
 */
export const FAMILY_STROKE = {
  sync: { dash: undefined, colour: 'var(--skyline-edge-sync)' },
  async: { dash: '7 5', colour: 'var(--skyline-edge-async)' },
  data: { dash: '1.5 5', colour: 'var(--skyline-edge-data)' },
} as const;

export const SELECTED_STROKE = 'var(--skyline-edge-selected)';

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** Short badges shown on the edge: protocol, timeout, retries, breaker… */
type Endpoint = Pick<DesignNode, 'name' | 'kind'> | undefined;

function edgeBadges(edge: DesignEdge, source: Endpoint, target: Endpoint): string[] {
  const badges: string[] = [];
  if (edge.label) badges.push(edge.label);
  switch (edge.family) {
    case 'sync':
      badges.push(PROTOCOL_LABEL[edge.protocol]);
      if (edge.timeoutMs !== null) badges.push(`timeout ${formatDuration(edge.timeoutMs)}`);
      if (edge.retry.maxAttempts > 1) badges.push(`${edge.retry.maxAttempts} tries`);
      if (edge.circuitBreaker) badges.push('breaker');
      if (edge.callsPerRequest === 'per-item') badges.push('per item');
      else if (edge.callsPerRequest > 1) badges.push(`${edge.callsPerRequest} calls`);
      break;
    case 'async': {
      const mode = source && target ? asyncMode(source.kind, target.kind) : 'message';
      badges.push(mode);
      if (edge.deadLetterQueue) badges.push('DLQ');
      break;
    }
    case 'data':
      badges.push(edge.access === 'read-write' ? 'read/write' : edge.access);
      if (edge.database) badges.push(edge.database);
      break;
  }
  return badges;
}

/** The text drawn on a connection: its badges in one line. */
export function edgeLabel(edge: DesignEdge, source: Endpoint, target: Endpoint): string {
  return edgeBadges(edge, source, target).join(' · ');
}

/** Which ends carry an arrowhead. Data flows towards the reader for reads. */
export function arrowEnds(edge: DesignEdge): { start: boolean; end: boolean } {
  if (edge.family !== 'data') return { start: false, end: true };
  switch (edge.access) {
    case 'read':
      return { start: true, end: false };
    case 'read-write':
      return { start: true, end: true };
    default:
      return { start: false, end: true };
  }
}

export function describeEdge(edge: DesignEdge, source: Endpoint, target: Endpoint): string {
  const from = source?.name ?? edge.source;
  const to = target?.name ?? edge.target;
  switch (edge.family) {
    case 'sync':
      return `${PROTOCOL_LABEL[edge.protocol]} request from ${from} to ${to}`;
    case 'async': {
      const mode = source && target ? asyncMode(source.kind, target.kind) : 'message';
      if (mode === 'publish') return `${from} publishes to ${to}`;
      if (mode === 'consume') return `${to} consumes from ${from}`;
      return `Asynchronous message from ${from} to ${to}`;
    }
    case 'data':
      return `${from} ${edge.access === 'read' ? 'reads' : edge.access === 'write' ? 'writes' : edge.access === 'replicate' ? 'replicates to' : 'reads and writes'} ${to}`;
  }
}
