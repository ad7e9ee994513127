import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../diagram/schema.ts';
import { parseDesignText, serializeDesign } from './parse-design.ts';

const dir = new URL('../../testing/fixtures/designs/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('design files of every format version', () => {
  it('keeps at least one fixture of every version up to the current one', () => {
    for (let version = 1; version <= SCHEMA_VERSION; version++) {
      expect(files.some((f) => f.startsWith(`v${version}-`)), `a v${version}-*.json fixture`).toBe(true);
    }
  });

  it.each(files)('%s still opens, at the current version, and saves back to a file that opens the same', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const declared = Number(/^v(\d+)-/.exec(file)?.[1]);
    expect((JSON.parse(text) as { version: number }).version).toBe(declared);
    const opened = parseDesignText(text);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.design.version).toBe(SCHEMA_VERSION);
    expect(opened.migrated).toBe(declared < SCHEMA_VERSION);
    const again = parseDesignText(serializeDesign(opened.design));
    expect(again.ok && again.design).toEqual(opened.design);
  });
});
