/**
 * The one path by which a design enters Skyline from outside memory: saved
 * designs, imported files and share links. Text or an already-parsed value
 * goes through parse -> migrate -> validate and comes back as a tagged result;
 * nothing here throws on bad input.
 */
import type { z } from 'zod';
import { cleanDisplayName } from '../diagram/display-name.ts';
import { Design, DESIGN_FORMAT, SCHEMA_VERSION } from '../diagram/schema.ts';
import { boundRawDesign, checkJsonTextDepth, jsonBytesWithin, MAX_DESIGN_BYTES, tooLarge } from './json-limits.ts';
import { migrateToCurrent } from './migrations.ts';

export type ParseFailure =
  | { ok: false; reason: 'not-json'; message: string }
  | { ok: false; reason: 'not-a-design'; message: string }
  | { ok: false; reason: 'version-too-new'; message: string }
  | { ok: false; reason: 'too-large'; message: string }
  | { ok: false; reason: 'invalid'; message: string; problems: string[] };

export type ParseResult = { ok: true; design: Design; migrated: boolean } | ParseFailure;

/** Text longer than this is refused unread: even pretty-printed, no design comes near it. */
const MAX_TEXT_LENGTH = 4 * MAX_DESIGN_BYTES;

export function parseDesignText(text: string): ParseResult {
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, reason: 'too-large', message: tooLarge(text.length) };
  const depth = checkJsonTextDepth(text);
  if (!depth.ok) return { ok: false, reason: 'too-large', message: depth.message };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'not-json', message: `This is not valid JSON (${shorten(detail, 120)}).` };
  }
  return parseDesign(raw);
}

/** `text` cut to `max` characters, with an ellipsis when cut, so no message repeats a hostile input at length. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short description of any value, for messages: `"abc"`, `3`, `an array`, `an object`. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return shorten(String(value), 40);
}

export function parseDesign(input: unknown): ParseResult {
  const bounded = boundRawDesign(input);
  if (!bounded.ok) return { ok: false, reason: 'too-large', message: bounded.message };
  const raw = bounded.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not-a-design', message: 'This is not a Skyline design: expected a JSON object.' };
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== DESIGN_FORMAT) {
    return {
      ok: false,
      reason: 'not-a-design',
      message: `This is not a Skyline design: "format" should be "${DESIGN_FORMAT}".`,
    };
  }
  const migrated = migrateToCurrent(record);
  if (!migrated.ok) {
    if (migrated.reason === 'version-too-new') {
      return {
        ok: false,
        reason: 'version-too-new',
        message: `This design was made by a newer version of Skyline (format version ${describeValue(migrated.version)}; this app reads up to ${SCHEMA_VERSION}). Update the app to open it.`,
      };
    }
    return { ok: false, reason: 'not-a-design', message: `This design has an unknown format version (${describeValue(migrated.version)}).` };
  }
  const result = Design.safeParse(migrated.value);
  if (!result.success) {
    const problems = describeIssues(result.error.issues, migrated.value);
    return {
      ok: false,
      reason: 'invalid',
      message: `This design is not valid: ${problems[0] ?? 'unknown problem'}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      problems,
    };
  }
  if (jsonBytesWithin(result.data) === null) return { ok: false, reason: 'too-large', message: tooLarge(MAX_DESIGN_BYTES) };
  return { ok: true, design: result.data, migrated: migrated.applied > 0 };
}

const COLLECTION_NOUN: Record<string, string> = { nodes: 'node', edges: 'edge', groups: 'group', notes: 'note', flows: 'flow' };

/** Turn zod issues into sentences that name the element: "node n3 (Orders): name must not be empty". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  return issues.map((issue) => shorten(describeIssue(issue, raw), 200));
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const [collection, index, ...rest] = path;
  if (typeof collection === 'string' && typeof index === 'number' && collection in COLLECTION_NOUN) {
    const element = elementAt(raw, collection, index);
    const id = typeof element?.id === 'string' ? shorten(element.id, 64) : `#${index + 1}`;
    const shown = typeof element?.name === 'string' ? cleanDisplayName(element.name) : '';
    const name = shown ? ` (${shorten(shown, 40)})` : '';
    const field = rest.length > 0 ? `${rest.join('.')} ` : '';
    if (issue.message.startsWith(`${COLLECTION_NOUN[collection]} `) || issue.message.startsWith('edge ')) {
      return issue.message;
    }
    return `${COLLECTION_NOUN[collection]} ${id}${name}: ${field}${issue.message}`.replace(/: $/, '');
  }
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function elementAt(raw: unknown, collection: string, index: number): Record<string, unknown> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const list = (raw as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const element: unknown = list[index];
  return typeof element === 'object' && element !== null ? (element as Record<string, unknown>) : undefined;
}

/** The canonical JSON text of a design, as exported and stored. */
export function serializeDesign(design: Design): string {
  return JSON.stringify(design, null, 2);
}
