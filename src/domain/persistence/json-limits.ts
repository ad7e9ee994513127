/**
 * Bounds on what a design may hold, checked before anything else reads it.
 *
 * A design keeps fields it does not know, so a hostile file could hide a
 * value nested thousands of levels deep (which passes validation and then
 * breaks saving, export and share links, all of which recurse) or megabytes
 * of text. Every design that is accepted fits these bounds, so it can always
 * be stored, exported, shared and read back. Nothing here recurses: a
 * million-deep value is refused as fast as a shallow one.
 */
import { wellFormed } from '../diagram/display-name.ts';

/** Levels of nested objects and arrays; a design itself uses six (design, flows, flow, steps, step). */
export const MAX_DEPTH = 32;
/** The largest design, as compact JSON in UTF-8 (what a share link carries, before compression). */
export const MAX_DESIGN_BYTES = 5 * 1024 * 1024;
/** Raw input before validation may be larger (defaults not yet filled in, pretty-printed), within reason. */
const MAX_RAW_BYTES = 2 * MAX_DESIGN_BYTES;

export type Bounded = { ok: true; value: unknown } | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const TOO_DEEP = `This design is nested too deeply: Skyline reads at most ${MAX_DEPTH} levels of lists and objects.`;
export const tooLarge = (bytes: number | null) =>
  `This design is too large${bytes === null ? '' : ` (over ${megabytes(bytes)})`}: Skyline designs hold at most ${megabytes(MAX_DESIGN_BYTES)} of data.`;

/**
 * Refuses JSON text nested deeper than MAX_DEPTH without parsing it (a
 * scan of the brackets outside strings), so a deep file costs a pass over
 * its characters rather than building the structure.
 */
export function checkJsonTextDepth(text: string): Bounded {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump to the closing quote: the first one not escaped by an odd run of backslashes.
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end < 0) return { ok: true, value: text };
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end++;
      }
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return { ok: false, message: TOO_DEEP };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { ok: true, value: text };
}

/** Bytes of the JSON text of `s` in UTF-8 (an upper bound: escapes counted long), and whether it has lone surrogates. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function measureString(s: string): { bytes: number; lone: boolean } {
  let bytes = s.length + 2;
  if (PLAIN_ASCII.test(s)) return { bytes, lone: false };
  let lone = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20) bytes += 5;
      else if (c === 0x22 || c === 0x5c) bytes += 1;
    } else if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else {
        lone = true;
        bytes += 2;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      lone = true;
      bytes += 2;
    } else bytes += 2;
  }
  return { bytes, lone };
}

const numberBytes = (n: number) => (Number.isSafeInteger(n) ? (n < 0 ? 1 : 0) + (n === 0 ? 1 : Math.floor(Math.log10(Math.abs(n))) + 1) : String(n).length);

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function kindOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

interface Frame {
  value: unknown;
  depth: number;
}

/**
 * Walks a value without recursion and measures it: depth, size as JSON, and
 * whether anything in it is not what JSON would give back.
 */
function survey(root: unknown, maxBytes: number): { ok: true; bytes: number; needsCleaning: boolean } | { ok: false; message: string } {
  let bytes = 0;
  let needsCleaning = false;
  const stack: Frame[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (bytes > maxBytes) return { ok: false, message: tooLarge(bytes) };
    if (value === null || typeof value === 'boolean') {
      bytes += 5;
      continue;
    }
    switch (typeof value) {
      case 'string': {
        const measured = measureString(value);
        bytes += measured.bytes;
        if (measured.lone) needsCleaning = true;
        continue;
      }
      case 'number':
        if (!Number.isFinite(value) || Object.is(value, -0)) needsCleaning = true;
        bytes += Number.isFinite(value) ? numberBytes(value) : 4;
        continue;
      case 'undefined':
        needsCleaning = true;
        continue;
      case 'object':
        break;
      default:
        return { ok: false, message: `This design holds a value JSON cannot carry (a ${kindOf(value)}).` };
    }
    if (depth >= MAX_DEPTH) return { ok: false, message: TOO_DEEP };
    if (Array.isArray(value)) {
      bytes += 2 + value.length;
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
      continue;
    }
    if (!isPlainObject(value as object)) return { ok: false, message: `This design holds a value JSON cannot carry (a ${kindOf(value)}).` };
    const keys = Object.keys(value as object);
    bytes += 2;
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const measured = measureString(key);
      bytes += measured.bytes + 2;
      if (measured.lone || key === '__proto__') needsCleaning = true;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  if (bytes > maxBytes) return { ok: false, message: tooLarge(bytes) };
  return { ok: true, bytes, needsCleaning };
}

/** The value as a JSON round trip would give it back: well-formed strings, no -0, no non-finite numbers, no undefined, no "__proto__" keys. */
function clean(root: unknown): unknown {
  const cleanLeaf = (value: unknown): unknown => {
    if (typeof value === 'string') return wellFormed(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
    return value;
  };
  if (typeof root !== 'object' || root === null) return cleanLeaf(root);
  const out: unknown = Array.isArray(root) ? [] : {};
  const stack: { from: object; to: unknown[] | Record<string, unknown> }[] = [{ from: root, to: out as never }];
  while (stack.length > 0) {
    const { from, to } = stack.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(from) ? from.map((v, i) => [i, v]) : Object.entries(from);
    for (const [key, value] of entries) {
      if (key === '__proto__') continue;
      if (value === undefined && !Array.isArray(to)) continue;
      let next: unknown;
      if (typeof value === 'object' && value !== null) {
        next = Array.isArray(value) ? [] : {};
        stack.push({ from: value, to: next as never });
      } else next = value === undefined ? null : cleanLeaf(value);
      if (Array.isArray(to)) to.push(next);
      else to[wellFormed(key as string)] = next;
    }
  }
  return out;
}

/**
 * The raw value of a design, refused when it is nested deeper than
 * MAX_DEPTH or far larger than any design, or holds something JSON cannot
 * carry; otherwise as JSON would give it back (the input itself when it
 * already is, which is the usual case).
 */
export function boundRawDesign(raw: unknown): Bounded {
  const surveyed = survey(raw, MAX_RAW_BYTES);
  if (!surveyed.ok) return surveyed;
  return { ok: true, value: surveyed.needsCleaning ? clean(raw) : raw };
}

/** Bytes of the design as compact JSON in UTF-8 (an upper bound), or null when it is over `max`. */
export function jsonBytesWithin(value: unknown, max = MAX_DESIGN_BYTES): number | null {
  const surveyed = survey(value, max);
  return surveyed.ok ? surveyed.bytes : null;
}
