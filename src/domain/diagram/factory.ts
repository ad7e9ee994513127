/**
 * Building blocks for new designs and elements, with the catalog's defaults.
 * Pure: ids and timestamps are passed in or drawn from the given sources.
 */
import { getKind, type KindId } from './catalog.ts';
import { defaultFamily, type Family } from './connections.ts';
import {
  DESIGN_FORMAT,
  SCHEMA_VERSION,
  type AsyncEdge,
  type DataEdge,
  type Design,
  type DesignEdge,
  type DesignNode,
  type Position,
  type SyncEdge,
} from './schema.ts';

export function createDesign(init: { id: string; title?: string; now: string; problemId?: string | null }): Design {
  return {
    format: DESIGN_FORMAT,
    version: SCHEMA_VERSION,
    id: init.id,
    title: init.title ?? 'Untitled design',
    problemId: init.problemId ?? null,
    createdAt: init.now,
    updatedAt: init.now,
    nodes: [],
    edges: [],
    groups: [],
    notes: [],
    flows: [],
  };
}

export function createNode(kindId: KindId, id: string, position: Position, name?: string): DesignNode {
  const kind = getKind(kindId);
  return {
    id,
    kind: kindId,
    name: name ?? kind.label,
    position,
    instances: kind.defaults.instances,
    technology: kind.defaults.technology,
    owner: '',
    responsibilities: [],
    notes: '',
  };
}

// Each edge is one object literal, written out in full: a literal spread into
// another (`{ ...base(), family }`) gives every object a hidden class of its
// own in V8, so every later read of an edge's fields, in the rules engine, the
// canvas and the simulator, missed its inline cache (about 0.5 µs each at
// 15,000 edges instead of a few ns). Key order is the same as before.

export function createSyncEdge(id: string, source: string, target: string): SyncEdge {
  return {
    id,
    source,
    target,
    label: '',
    notes: '',
    family: 'sync',
    protocol: 'http',
    timeoutMs: null,
    retry: { maxAttempts: 1, backoff: 'none', jitter: false },
    circuitBreaker: false,
    idempotent: false,
    callsPerRequest: 1,
    fanOut: 'sequential',
  };
}

export function createAsyncEdge(id: string, source: string, target: string): AsyncEdge {
  return {
    id,
    source,
    target,
    label: '',
    notes: '',
    family: 'async',
    delivery: 'at-least-once',
    deadLetterQueue: false,
    retry: { maxAttempts: 1, backoff: 'none', jitter: false },
  };
}

const dataEdge = (id: string, source: string, target: string, access: DataEdge['access']): DataEdge => ({
  id,
  source,
  target,
  label: '',
  notes: '',
  family: 'data',
  access,
  database: '',
});

export function createDataEdge(id: string, source: string, target: string, sourceIsDatastore = false): DataEdge {
  return dataEdge(id, source, target, sourceIsDatastore ? 'replicate' : 'read-write');
}

/**
 * What a new data edge does, from its ends: a cache drawn onto a store reads
 * through to it (read-through or cache-aside fill, never a copy of every
 * change); any other datastore onto a store replicates to it; anything else
 * reads and writes.
 */
function defaultAccess(source: DesignNode, target: DesignNode): DataEdge['access'] {
  if (getKind(source.kind).role !== 'datastore') return 'read-write';
  return source.kind === 'cache' && getKind(target.kind).role === 'datastore' ? 'read' : 'replicate';
}

export function createEdge(family: Family, id: string, source: DesignNode, target: DesignNode): DesignEdge {
  switch (family) {
    case 'sync':
      return createSyncEdge(id, source.id, target.id);
    case 'async':
      return createAsyncEdge(id, source.id, target.id);
    case 'data':
      return dataEdge(id, source.id, target.id, defaultAccess(source, target));
  }
}

/** A new edge between two nodes with the family their kinds suggest, or null if refused. */
export function createDefaultEdge(id: string, source: DesignNode, target: DesignNode): DesignEdge | null {
  const family = defaultFamily(source.kind, target.kind);
  return family ? createEdge(family, id, source, target) : null;
}

/**
 * Change an edge to another family, keeping what the families share
 * (id, endpoints, label, notes) and resetting the rest to defaults.
 */
export function changeEdgeFamily(edge: DesignEdge, family: Family, source: DesignNode, target: DesignNode): DesignEdge {
  if (edge.family === family) return edge;
  const fresh = createEdge(family, edge.id, source, target);
  return { ...fresh, label: edge.label, notes: edge.notes };
}
