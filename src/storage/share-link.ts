/**
 * Share links: the whole design, compressed (zlib, through fflate) and
 * base64url-encoded, in the URL fragment. Browsers never send the fragment
 * to a server, so nothing leaves the machine. Decoding checks the zlib
 * checksum and then takes the same parse -> migrate -> validate path as
 * every other design, so a truncated or edited link is refused as a whole.
 */
import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';
import type { Design } from '../domain/diagram/schema.ts';
import { MAX_DESIGN_BYTES } from '../domain/persistence/json-limits.ts';
import { parseDesignText } from '../domain/persistence/parse-design.ts';
import { bytesOfBase64 } from './base64.ts';

/** Version of the link encoding (not of the design format, which the design carries). */
const PREFIX = 'd1.';
export const SHARE_PATH = '/shared';

/**
 * Discord cuts messages at 2,000 characters, and older browsers and some
 * chat and mail tools at about 2,000 characters of URL; longer links are
 * fine in Slack (40,000) and modern browsers but worth a warning.
 */
export const SHARE_LINK_WARN_LENGTH = 2000;

export type ShareDecodeResult =
  | { ok: true; design: Design }
  | { ok: false; reason: 'empty' | 'not-a-link' | 'damaged' | 'invalid' | 'too-large'; message: string };

/**
 * The longest fragment a design can need: its largest JSON (MAX_DESIGN_BYTES)
 * stored uncompressed by zlib (5 bytes per 64 KB block, 6 of header and
 * checksum), in base64, after the prefix. Anything longer is refused unread.
 */
export const MAX_FRAGMENT_LENGTH = 3 + Math.ceil(((MAX_DESIGN_BYTES + 5 * Math.ceil(MAX_DESIGN_BYTES / 65535) + 6) * 4) / 3);
const TOO_LARGE = `This link carries more than a design can hold (Skyline designs are at most ${MAX_DESIGN_BYTES / 1024 / 1024} MB), so it was not opened.`;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  return bytesOfBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 3800, data.length);
    for (; i < end; i++) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const NO_RETRY = { maxAttempts: 1, backoff: 'none', jitter: false };
/** Values the schema fills in when a field is left out; links leave them out to stay short. */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  design: { problemId: null, groups: [], notes: [] },
  node: { instances: 1, technology: '', owner: '', responsibilities: [], notes: '' },
  sync: { label: '', notes: '', protocol: 'http', timeoutMs: null, retry: NO_RETRY, circuitBreaker: false, idempotent: false, callsPerRequest: 1 },
  async: { label: '', notes: '', delivery: 'at-least-once', deadLetterQueue: false, retry: NO_RETRY },
  data: { label: '', notes: '', access: 'read-write', database: '' },
  group: { type: 'bounded-context', notes: '' },
};

function withoutDefaults<T extends object>(value: T, defaults: Record<string, unknown> | undefined): Partial<T> {
  if (!defaults) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => !(key in defaults) || JSON.stringify(v) !== JSON.stringify(defaults[key]))) as Partial<T>;
}

/** The design with default values left out; parsing fills them back in, so decoding gives the same design. */
function compact(design: Design): unknown {
  return {
    ...withoutDefaults(design, DEFAULTS.design),
    nodes: design.nodes.map((n) => withoutDefaults(n, DEFAULTS.node)),
    edges: design.edges.map((e) => withoutDefaults(e, DEFAULTS[e.family])),
    ...(design.groups.length > 0 ? { groups: design.groups.map((g) => withoutDefaults(g, DEFAULTS.group)) } : {}),
  };
}

/** The fragment (without '#') that carries `design`. */
export function encodeShareFragment(design: Design): string {
  return PREFIX + toBase64Url(zlibSync(strToU8(JSON.stringify(compact(design))), { level: 9 }));
}

export function shareLink(origin: string, design: Design): string {
  return `${origin}${SHARE_PATH}#${encodeShareFragment(design)}`;
}

const DAMAGED = 'This link is incomplete or has been changed, so the design it carried cannot be read. Ask for the link again, or for the design as a file.';

/** Compressed bytes handed to the inflater at a time: one chunk can inflate to at most ~1,032 times this. */
const INFLATE_CHUNK = 1024;

type Inflated = { ok: true; data: Uint8Array } | { ok: false; tooLarge: boolean };

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const data = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return data;
}

/**
 * Inflates zlib `bytes` with the browser's own DecompressionStream, a chunk
 * at a time, and gives up as soon as the output passes `cap`; the stream
 * checks the zlib checksum. Native inflation refuses a bomb in milliseconds
 * even on a page's first link, where inflating 5 MB in JavaScript (fflate)
 * takes 0.4-1.1 s in Chromium until the code has warmed up.
 */
async function inflateNative(bytes: Uint8Array<ArrayBuffer>, cap: number): Promise<Inflated> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < bytes.length && !stopped; at += INFLATE_CHUNK) await writer.write(bytes.subarray(at, at + INFLATE_CHUNK));
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined);
  const stop = () => {
    stopped = true;
    reader.cancel().catch(() => undefined);
    writer.abort().catch(() => undefined);
  };
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        stop();
        return { ok: false, tooLarge: true };
      }
      parts.push(value);
    }
    await feeding;
  } catch {
    stop();
    return { ok: false, tooLarge: false };
  }
  return { ok: true, data: concat(parts, size) };
}

/** The same with fflate's streaming Unzlib, where DecompressionStream is missing; the checksum is checked here. */
function inflateFflate(bytes: Uint8Array, cap: number): Inflated {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Unzlib((chunk) => {
    size += chunk.length;
    if (size <= cap) parts.push(chunk);
  });
  try {
    const body = bytes.length - 4;
    for (let at = 0; at < body && size <= cap; at += INFLATE_CHUNK) inflater.push(bytes.subarray(at, Math.min(at + INFLATE_CHUNK, body)));
    if (size > cap) return { ok: false, tooLarge: true };
    inflater.push(bytes.subarray(body), true);
  } catch {
    return { ok: false, tooLarge: false };
  }
  if (size > cap) return { ok: false, tooLarge: true };
  const data = concat(parts, size);
  const trailer = bytes.subarray(bytes.length - 4);
  const expected = ((trailer[0] ?? 0) * 2 ** 24 + ((trailer[1] ?? 0) << 16) + ((trailer[2] ?? 0) << 8) + (trailer[3] ?? 0)) >>> 0;
  return adler32(data) === expected ? { ok: true, data } : { ok: false, tooLarge: false };
}

/** How links are inflated: natively where the platform can, else in JavaScript (tests force each). */
export type Inflater = 'native' | 'fflate';
const defaultInflater = (): Inflater => (typeof DecompressionStream === 'function' ? 'native' : 'fflate');

/**
 * Reads a fragment back into a design. Never throws; refuses a fragment
 * longer than any design needs before decoding it, and stops inflating at
 * the largest design's size, so a hostile link is refused within
 * milliseconds whatever it claims to hold.
 */
export async function decodeShareFragment(fragment: string, inflater: Inflater = defaultInflater()): Promise<ShareDecodeResult> {
  if (fragment.length > MAX_FRAGMENT_LENGTH + 2) return { ok: false, reason: 'too-large', message: TOO_LARGE };
  const text = fragment.replace(/^#/, '').trim();
  if (!text) return { ok: false, reason: 'empty', message: 'This link carries no design: the part after “#” is missing.' };
  if (!text.startsWith(PREFIX)) return { ok: false, reason: 'not-a-link', message: 'This is not a Skyline share link: it does not carry a design in a format this app knows.' };
  if (text.length > MAX_FRAGMENT_LENGTH) return { ok: false, reason: 'too-large', message: TOO_LARGE };
  const bytes = fromBase64Url(text.slice(PREFIX.length));
  if (!bytes || bytes.length < 6) return { ok: false, reason: 'damaged', message: DAMAGED };
  const inflated = inflater === 'native' ? await inflateNative(bytes, MAX_DESIGN_BYTES) : inflateFflate(bytes, MAX_DESIGN_BYTES);
  if (!inflated.ok) return inflated.tooLarge ? { ok: false, reason: 'too-large', message: TOO_LARGE } : { ok: false, reason: 'damaged', message: DAMAGED };
  const parsed = parseDesignText(strFromU8(inflated.data));
  if (parsed.ok) return { ok: true, design: parsed.design };
  if (parsed.reason === 'not-json') return { ok: false, reason: 'damaged', message: DAMAGED };
  return { ok: false, reason: parsed.reason === 'too-large' ? 'too-large' : 'invalid', message: `The link opened, but the design in it is not valid: ${parsed.message}` };
}
