/**
 * Numbered, append-only migrations of the design format. Each takes the raw
 * object of version `from` and returns a new object of version `from + 1`,
 * never mutating its input. Each format change appends one step here together
 * with a fixture of a file of the old version under src/testing/fixtures/.
 */
import { SCHEMA_VERSION } from '../diagram/schema.ts';

export interface Migration {
  from: number;
  describe: string;
  migrate(raw: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    describe: 'Version 2 adds request flows: a version-1 design has none yet.',
    migrate: (raw) => ({ ...raw, flows: [] }),
  },
];

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; applied: number }
  | { ok: false; reason: 'version-too-new' | 'version-unknown'; version: unknown };

export function migrateToCurrent(raw: Readonly<Record<string, unknown>>): MigrationResult {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'version-unknown', version };
  }
  if (version > SCHEMA_VERSION) return { ok: false, reason: 'version-too-new', version };
  let current: Record<string, unknown> = { ...raw };
  let applied = 0;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, reason: 'version-unknown', version };
    current = { ...step.migrate(current), version: v + 1 };
    applied++;
  }
  return { ok: true, value: current, applied };
}
