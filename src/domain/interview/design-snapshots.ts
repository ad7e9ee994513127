/**
 * Snapshots of the design during a session, by reference. The app stores the
 * designs themselves (wherever it keeps designs) and records here which
 * snapshot was taken when, in which phase. A snapshot is needed only when the
 * design's structure changed since the last one: what the rules and the
 * rubric read (components, their kinds, names, instances, ownership,
 * responsibilities, groups, and every edge setting), not positions, sizes,
 * labels, notes, titles or timestamps.
 */
import type { Design } from '../diagram/schema.ts';
import type { InterviewSession } from './session-schema.ts';
import { clockTime, currentPhase, isEnded } from './session-clock.ts';

function structureOf(design: Design): unknown {
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    nodes: byId(design.nodes).map((n) => [n.id, n.kind, n.name, n.instances, n.groupId ?? '', n.owner, n.technology, n.responsibilities]),
    edges: byId(design.edges).map((e) => {
      switch (e.family) {
        case 'sync':
          return [e.id, e.source, e.target, e.family, e.protocol, e.timeoutMs, e.retry, e.circuitBreaker, e.idempotent, e.callsPerRequest];
        case 'async':
          return [e.id, e.source, e.target, e.family, e.delivery, e.deadLetterQueue, e.retry];
        case 'data':
          return [e.id, e.source, e.target, e.family, e.access, e.database];
      }
    }),
    groups: byId(design.groups).map((g) => [g.id, g.name, g.type]),
  };
}

/** 32-bit FNV-1a of a string from a given start value, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A short string that changes when the design's structure changes and stays
 * the same when it does not (moving a node, editing a note). Deterministic:
 * the same structure gives the same signature on every machine.
 */
export function designStructureSignature(design: Design): string {
  const text = JSON.stringify(structureOf(design));
  return `n${design.nodes.length}e${design.edges.length}-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`;
}

/** Whether a design with this signature should be snapshotted: the session runs and the last snapshot differs. */
export function needsSnapshot(session: InterviewSession, signature: string): boolean {
  if (isEnded(session)) return false;
  return session.snapshots[session.snapshots.length - 1]?.signature !== signature;
}

/** Record a snapshot the app stored; unchanged if not needed (see needsSnapshot). */
export function recordSnapshot(session: InterviewSession, snapshot: { snapshotId: string; signature: string }, now: number): InterviewSession {
  if (!needsSnapshot(session, snapshot.signature)) return session;
  const ref = { snapshotId: snapshot.snapshotId, signature: snapshot.signature, at: clockTime(session, now), phase: currentPhase(session) };
  return { ...session, snapshots: [...session.snapshots, ref] };
}
