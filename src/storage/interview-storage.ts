/**
 * Mock interviews kept in the library: each session with the id of the
 * design drawn in it and the learner's notes, and the design as it was at
 * each structural edit (for replay). Records are validated when read; a
 * damaged one is reported, never allowed to hide the others.
 */
import { z } from 'zod';
import type { Design } from '../domain/diagram/schema.ts';
import { parseInterviewSession } from '../domain/interview/session-schema.ts';
import type { InterviewSession } from '../domain/interview/session-schema.ts';
import { parseDesign } from '../domain/persistence/parse-design.ts';
import type { SaveOutcome } from './design-library.ts';
import { getLibrary } from './library.ts';

export const InterviewNotes = z.object({
  /** Requirements ticked on the checklist, by their text. */
  checked: z.array(z.string()).default([]),
  /** Calculator fields as typed, by field name. */
  calculator: z.record(z.string(), z.string()).default({}),
  /** Free-form notes. */
  text: z.string().max(20_000).default(''),
});
export type InterviewNotes = z.infer<typeof InterviewNotes>;

export interface InterviewRecord {
  session: InterviewSession;
  designId: string;
  notes: InterviewNotes;
  /** The rubric score when the session ended. */
  result?: { score: number };
}

const sessionKey = (id: string) => `session:${id}`;
const snapshotPrefix = (id: string) => `snapshot:${id}:`;

export type InterviewLoad = { status: 'loaded'; record: InterviewRecord } | { status: 'missing' } | { status: 'damaged'; message: string };

function readRecord(value: unknown): InterviewLoad {
  if (typeof value !== 'object' || value === null) return { status: 'damaged', message: 'The stored session is not a session.' };
  const raw = value as Record<string, unknown>;
  const session = parseInterviewSession(raw.session);
  if (!session.ok) return { status: 'damaged', message: session.message };
  const notes = InterviewNotes.safeParse(raw.notes ?? {});
  if (typeof raw.designId !== 'string') return { status: 'damaged', message: 'The stored session has lost its design.' };
  const result = raw.result as { score?: unknown } | undefined;
  return {
    status: 'loaded',
    record: {
      session: session.session,
      designId: raw.designId,
      notes: notes.success ? notes.data : InterviewNotes.parse({}),
      ...(typeof result?.score === 'number' ? { result: { score: result.score } } : {}),
    },
  };
}

export async function saveInterview(record: InterviewRecord): Promise<SaveOutcome> {
  return (await getLibrary()).records.put(sessionKey(record.session.id), record);
}

export async function loadInterview(id: string): Promise<InterviewLoad> {
  const value = await (await getLibrary()).records.get(sessionKey(id));
  return value === undefined ? { status: 'missing' } : readRecord(value);
}

export async function listInterviews(): Promise<{ records: InterviewRecord[]; damaged: number }> {
  const rows = await (await getLibrary()).records.list('session:');
  const records: InterviewRecord[] = [];
  let damaged = 0;
  for (const row of rows) {
    const read = readRecord(row.value);
    if (read.status === 'loaded') records.push(read.record);
    else damaged++;
  }
  return { records: records.sort((a, b) => b.session.startedAt - a.session.startedAt), damaged };
}

/** Stores the design as it is now as snapshot `snapshotId` of the session. */
export async function saveSnapshot(sessionId: string, snapshotId: string, design: Design): Promise<SaveOutcome> {
  return (await getLibrary()).records.put(`${snapshotPrefix(sessionId)}${snapshotId}`, design);
}

/** The session's snapshots in the order they were taken; unreadable ones are left out. */
export async function loadSnapshots(sessionId: string): Promise<Map<string, Design>> {
  const rows = await (await getLibrary()).records.list(snapshotPrefix(sessionId));
  const designs = new Map<string, Design>();
  for (const row of rows) {
    const parsed = parseDesign(row.value);
    if (parsed.ok) designs.set(row.key.slice(snapshotPrefix(sessionId).length), parsed.design);
  }
  return designs;
}
