/**
 * Rule settings chosen by a person (settings page, command line, a problem's
 * rubric): turn rules off, change their severity, tune their thresholds.
 * Unknown rule ids and unknown threshold names are ignored, so settings saved
 * by an older or newer Skyline still load.
 */
import { z } from 'zod';
import { SEVERITIES, type RulesConfig, type Severity } from './types.ts';

export const RulesConfigSchema = z.record(
  z.string(),
  z.object({
    enabled: z.boolean().optional(),
    severity: z.enum(SEVERITIES).optional(),
    thresholds: z.record(z.string(), z.number().finite()).optional(),
  }),
);

export type ParsedRulesConfig = { ok: true; config: RulesConfig } | { ok: false; message: string };

/** Validate settings from outside memory; never throws. */
export function parseRulesConfig(raw: unknown): ParsedRulesConfig {
  const result = RulesConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, message: `These rule settings are not valid: ${where}${issue?.message ?? 'unknown problem'}` };
}

/**
 * The thresholds a rule runs with: its defaults, overridden by configured
 * values for the same names. Returns the defaults object itself when nothing
 * changes, so the common case allocates nothing.
 */
export function resolveThresholds<T extends Record<string, number>>(defaults: T, overrides: Readonly<Record<string, number>> | undefined): T {
  if (!overrides) return defaults;
  let merged: T | undefined;
  for (const key of Object.keys(defaults)) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value !== defaults[key]) {
      merged ??= { ...defaults };
      (merged as Record<string, number>)[key] = value;
    }
  }
  return merged ?? defaults;
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info';
}
