import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Design } from '../diagram/schema.ts';
import { RULES } from './registry.ts';
import { allQuickFixProblems, checkRule } from './rule-harness.ts';

/** The glossary terms findings may link to. */
const GLOSSARY_TERMS = new Set([
  'shared-database', 'database-per-service', 'cyclic-dependencies', 'timeout', 'deadline-propagation', 'retry-amplification',
  'retry-with-backoff', 'idempotency', 'circuit-breaker', 'chatty-communication', 'fan-out', 'api-gateway',
  'single-point-of-failure', 'sync-async-communication', 'saga', 'transactional-outbox', 'dead-letter-queue', 'observability',
  'service-discovery', 'nanoservices', 'god-service', 'cascading-failure', 'message-queue', 'bounded-context', 'load-balancer', 'replication',
  'caching', 'publish-subscribe',
]);

describe('rule registry', () => {
  it('has at least 20 rules with unique kebab-case ids', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(20);
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('describes every rule for learners and for the docs', () => {
    for (const rule of RULES) {
      expect(GLOSSARY_TERMS.has(rule.glossaryTerm), `${rule.id}: ${rule.glossaryTerm}`).toBe(true);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.summary).toMatch(/^[A-Z].*\.$/);
      expect(rule.condition.length).toBeGreaterThan(40);
      for (const value of Object.values(rule.thresholds)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it('carries valid example designs: the failing one triggers it, the passing one does not', () => {
      for (const example of [rule.examples.failing, rule.examples.passing]) {
        const parsed = Design.safeParse(example);
        expect(parsed.success, parsed.success ? '' : parsed.error.issues[0]?.message).toBe(true);
      }
      const findings = checkRule(rule, rule.examples.failing);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(rule.id);
        expect(GLOSSARY_TERMS.has(finding.glossaryTerm)).toBe(true);
        expect(finding.why.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
      }
      expect(checkRule(rule, rule.examples.passing)).toEqual([]);
    });

    it('has quick fixes that work on its failing example', () => {
      expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
    });
  });

  it('is documented in docs/rules.md: every id, severity and threshold', () => {
    const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    for (const rule of RULES) {
      const section = doc.split(/^## /m).find((s) => s.startsWith(`\`${rule.id}\``));
      expect(section, `docs/rules.md has no section for ${rule.id}`).toBeDefined();
      expect(section).toContain(`**Severity:** ${rule.severity}`);
      for (const [name, value] of Object.entries(rule.thresholds)) expect(section).toContain(`\`${name}\` = ${value}`);
    }
  });
});
