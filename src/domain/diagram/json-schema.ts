/** The JSON Schema of a design, as written by hand or by other tools (input form: defaults may be left out). */
import { z } from 'zod';
import { Design, SCHEMA_VERSION } from './schema.ts';

export function designJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Design, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://skyline.design/schema/design-v${SCHEMA_VERSION}.json`,
    title: `Skyline design (format version ${SCHEMA_VERSION})`,
    description:
      'A system design drawn in Skyline. Cross-element rules (unique ids, edges that point to existing nodes, allowed connections between kinds) are checked by Skyline itself; see docs/design-format.md.',
    ...schema,
  };
}
