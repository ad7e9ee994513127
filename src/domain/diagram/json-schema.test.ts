import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designJsonSchema } from './json-schema.ts';

describe('JSON Schema of the design format', () => {
  it('is generated from the zod schema and committed up to date (run npm run schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/design.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(designJsonSchema());
  });

  it('describes every edge family and every component kind', () => {
    const text = JSON.stringify(designJsonSchema());
    for (const word of ['"sync"', '"async"', '"data"', '"relational-database"', '"dead-letter-queue"', '"timeoutMs"']) expect(text).toContain(word);
  });
});

describe('JSON Schema validates designs like the app does', () => {
  it('accepts generated designs and rejects a node without a kind', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { generateDesign } = await import('../../testing/generate-design.ts');
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(designJsonSchema());
    const design = generateDesign(30);
    expect(validate(JSON.parse(JSON.stringify(design)))).toBe(true);
    const broken = { ...design, nodes: [{ id: 'x', name: 'X', position: { x: 0, y: 0 } }] };
    expect(validate(broken)).toBe(false);
  });
});
