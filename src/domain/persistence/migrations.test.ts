import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../diagram/schema.ts';
import { MIGRATIONS, migrateToCurrent } from './migrations.ts';

describe('migrations', () => {
  it('exist for every version before the current one, one each, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('1 -> 2 gives a design no flows and leaves its input untouched', () => {
    const raw = Object.freeze({ format: 'skyline.design', version: 1, id: 'd', nodes: Object.freeze([]), extra: 'kept' });
    const result = migrateToCurrent(raw);
    expect(result).toEqual({ ok: true, applied: 1, value: { format: 'skyline.design', version: 2, id: 'd', nodes: [], extra: 'kept', flows: [] } });
    expect(raw).toEqual({ format: 'skyline.design', version: 1, id: 'd', nodes: [], extra: 'kept' });
  });
});
