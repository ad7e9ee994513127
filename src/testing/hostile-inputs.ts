/**
 * Inputs an attacker or a broken tool could hand the importer or the share
 * link decoder: deep nesting, huge strings, invisible names, numbers JSON
 * cannot round-trip, and compression bombs. Used by the fuzz suites.
 */
import fc from 'fast-check';
import { constants, deflateRawSync } from 'node:zlib';
import type { Design } from '../domain/diagram/schema.ts';
import { serializeDesign } from '../domain/persistence/parse-design.ts';
import { arbitraryDesignWithFlows } from './arbitraries.ts';

/** `depth` arrays inside one another, as JSON text. */
export const nestedArrays = (depth: number, inner = '0') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
/** `depth` objects inside one another, as JSON text. */
export const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;

/** Depths around the limit and the depths that broke saving and the command-line checker. */
const DEPTHS = [1, 5, 20, 26, 27, 28, 31, 32, 33, 64, 1_000, 3_000, 5_000];
/** String lengths up to past the largest design (5 MB). */
const LENGTHS = [0, 1, 80, 81, 4_000, 4_001, 100_000, 1_000_000, 6_000_000];

/** Names that look empty or reorder text: zero-width characters, NUL, bidi overrides and isolates, lone surrogates. */
export const invisibleName = fc
  .array(fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0000', '\u202e', '\u202d', '\u2066', '\u2069', '\ud800', '\udfff', ' ', '\u00ad'), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

/** Any name, including every kind of Unicode text and lone surrogates. */
const anyName = fc.oneof(invisibleName, fc.string({ unit: 'binary', maxLength: 20 }), invisibleName.map((s) => `${s}Orders${s}`), fc.string({ maxLength: 90 }));

/** JSON text of a value that is hostile in itself. */
const hostileValueText = fc.oneof(
  fc.constantFrom(...DEPTHS).map((d) => nestedArrays(d)),
  fc.constantFrom(...DEPTHS).map((d) => nestedObjects(d)),
  fc.constantFrom(...LENGTHS).map((n) => JSON.stringify('x'.repeat(n))),
  fc.constantFrom(...LENGTHS).map((n) => JSON.stringify('\u4e2d'.repeat(Math.floor(n / 3)))),
  fc.constantFrom('-0', '1e400', '-1e400', '1e-400', '"\\ud800"', '"\\u0000"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":1}}'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

type Edit = { where: number; value: string; field: string; kind: 'unknown-field' | 'replace' | 'name' | 'version' };

/** JSON text of `design` with one value swapped or one unknown field added, written as text so -0 and 1e400 stay as typed. */
function applyEdit(design: Design, edit: Edit): string {
  const raw = JSON.parse(serializeDesign(design)) as Record<string, unknown>;
  const marker = '"@@HOSTILE@@"';
  const holders: Record<string, unknown>[] = [raw, ...(raw.nodes as Record<string, unknown>[]), ...(raw.edges as Record<string, unknown>[]), ...(raw.flows as Record<string, unknown>[]), ...(raw.groups as Record<string, unknown>[])];
  const holder = holders[edit.where % holders.length]!;
  if (edit.kind === 'version') raw.version = '@@HOSTILE@@';
  else if (edit.kind === 'name') {
    if ('name' in holder) holder.name = '@@HOSTILE@@';
    else raw.title = '@@HOSTILE@@';
  } else if (edit.kind === 'replace') {
    const keys = Object.keys(holder);
    holder[keys[edit.where % keys.length]!] = '@@HOSTILE@@';
  } else holder[edit.field] = '@@HOSTILE@@';
  return JSON.stringify(raw).replace(marker, () => edit.value);
}

/** Text a design file might hold: valid designs (with flows), hostile edits of them, and plain garbage. */
export const hostileDesignText = fc.oneof(
  { weight: 3, arbitrary: arbitraryDesignWithFlows({ maxNodes: 10 }).map(serializeDesign) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        arbitraryDesignWithFlows({ maxNodes: 8 }),
        fc.nat(),
        fc.constantFrom('unknown-field', 'replace', 'version') as fc.Arbitrary<Edit['kind']>,
        fc.constantFrom('extra', 'x-tool', '__proto__', '\ud800key', 'performance'),
        hostileValueText,
      )
      .map(([design, where, kind, field, value]) => applyEdit(design, { where, kind, field, value })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(arbitraryDesignWithFlows({ maxNodes: 6 }), fc.nat(), anyName).map(([design, where, name]) => applyEdit(design, { where, kind: 'name', field: '', value: JSON.stringify(name) })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...DEPTHS).map((d) => `{"format":"skyline.design","version":${nestedArrays(d, '2')}}`) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** Adler-32 of `count` copies of `byte`, computed in closed form (the bombs are too large to sum). */
function adler32OfRepeated(byte: number, count: number): number {
  const mod = 65521n;
  const n = BigInt(count);
  const c = BigInt(byte);
  const a = (1n + n * c) % mod;
  const b = (n + (c * n * (n + 1n)) / 2n) % mod;
  return Number((b << 16n) | a);
}

/**
 * A zlib stream that inflates to `megabytes` MB of `byte`, built from one
 * compressed megabyte repeated (a full flush makes each copy independent),
 * so a 500 MB bomb costs milliseconds to make. The checksum is correct.
 */
export function zlibBomb(megabytes: number, byte = 0x5b): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const header = Uint8Array.of(0x78, 0xda);
  const finalEmptyBlock = Uint8Array.of(0x03, 0x00);
  const checksum = adler32OfRepeated(byte, megabytes << 20);
  const out = new Uint8Array(header.length + block.length * megabytes + finalEmptyBlock.length + 4);
  out.set(header, 0);
  for (let i = 0; i < megabytes; i++) out.set(block, header.length + i * block.length);
  const end = header.length + block.length * megabytes;
  out.set(finalEmptyBlock, end);
  new DataView(out.buffer).setUint32(end + 2, checksum);
  return out;
}

/** The fragment of a share link carrying `bytes` as they are. */
export const fragmentOf = (bytes: Uint8Array) => `d1.${Buffer.from(bytes).toString('base64url')}`;
