import { describe, expect, it } from 'vitest';
import { parseRulesConfig, resolveThresholds } from './config.ts';

describe('rule settings', () => {
  it('accepts valid settings and names the first problem in invalid ones', () => {
    expect(parseRulesConfig({ 'deep-sync-chain': { enabled: true, severity: 'error', thresholds: { maxHops: 5 } } })).toEqual({
      ok: true,
      config: { 'deep-sync-chain': { enabled: true, severity: 'error', thresholds: { maxHops: 5 } } },
    });
    expect(parseRulesConfig({ 'deep-sync-chain': { severity: 'fatal' } })).toMatchObject({ ok: false });
    const bad = parseRulesConfig({ 'sync-fan-out': { thresholds: { fanOutTargets: 'many' } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('sync-fan-out.thresholds.fanOutTargets');
    expect(parseRulesConfig('nope').ok).toBe(false);
  });

  it('overrides known thresholds only, and allocates nothing when nothing changes', () => {
    const defaults = { maxHops: 3, other: 1 };
    expect(resolveThresholds(defaults, undefined)).toBe(defaults);
    expect(resolveThresholds(defaults, { maxHops: 3 })).toBe(defaults);
    expect(resolveThresholds(defaults, { maxHops: 6, unknown: 9, other: Number.NaN })).toEqual({ maxHops: 6, other: 1 });
    expect(defaults).toEqual({ maxHops: 3, other: 1 });
  });
});
