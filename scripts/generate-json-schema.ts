/**
 * Writes docs/design.schema.json, the JSON Schema of the design format,
 * generated from the zod schema so the two never drift (a test checks it).
 * Run: npm run schema
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designJsonSchema } from '../src/domain/diagram/json-schema.ts';

const target = fileURLToPath(new URL('../docs/design.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(designJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
