import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { RULES } from '../rules/registry.ts';
import { sketch } from '../rules/sketch.ts';
import { findingQuestion, genericFindingQuestion, RULES_WITH_QUESTIONS } from './finding-questions.ts';

function questionsFor(design: Design, ruleId?: string) {
  const index = buildGraphIndex(design);
  return analyzeDesign(design)
    .filter((f) => !ruleId || f.ruleId === ruleId)
    .map((finding) => ({ finding, text: findingQuestion(finding, index) }));
}

describe('questions about findings', () => {
  it('has a template for every registered rule', () => {
    expect([...RULES_WITH_QUESTIONS].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('asks about every finding of every rule example by the design’s names, as a question and never as the fix', () => {
    for (const rule of RULES) {
      const asked = questionsFor(rule.examples.failing, rule.id);
      expect(asked.length, rule.id).toBeGreaterThan(0);
      for (const { finding, text } of asked) {
        const index = buildGraphIndex(rule.examples.failing);
        const names = finding.elementIds.map((id) => index.nodeById.get(id)?.name).filter(Boolean);
        expect(text, rule.id).toMatch(/\?$/);
        expect(text, rule.id).not.toBe(genericFindingQuestion(finding));
        expect(text, rule.id).not.toContain(finding.fix);
        if (rule.id !== 'missing-service-discovery' && rule.id !== 'missing-observability') {
          expect(names.some((name) => text.includes(name!)), `${rule.id}: ${text}`).toBe(true);
        }
      }
    }
  });

  it('phrases a missing timeout with the caller and the callee', () => {
    const design = sketch({
      id: 'd',
      title: 'd',
      nodes: { checkout: ['service', 'Checkout'], payment: ['service', 'Payment'] },
      links: [['checkout', 'payment', { timeoutMs: null }]],
    });
    expect(questionsFor(design, 'missing-timeout').map((q) => q.text)).toEqual([
      'Checkout calls Payment synchronously with no timeout. What happens when Payment slows down?',
    ]);
  });

  it('tells the variants of a rule apart', () => {
    const chatty = sketch({
      id: 'd',
      title: 'd',
      nodes: { cart: ['service', 'Cart'], prices: ['service', 'Prices'] },
      links: [['cart', 'prices', { callsPerRequest: 'per-item' }]],
    });
    expect(questionsFor(chatty, 'sync-fan-out')[0]?.text).toBe(
      'Cart calls Prices many times for one request. What happens to its latency when a list grows to a thousand items?',
    );
    const noBackoff = sketch({
      id: 'd',
      title: 'd',
      nodes: { cart: ['service', 'Cart'], prices: ['service', 'Prices'] },
      links: [['cart', 'prices', { idempotent: true, retry: { maxAttempts: 3, backoff: 'none', jitter: false } }]],
    });
    expect(questionsFor(noBackoff, 'retry-amplification').map((q) => q.text)).toContain(
      'Cart retries its calls to Prices. What happens to Prices when it is already overloaded and every caller retries at the same moment?',
    );
    const lone = sketch({ id: 'd', title: 'd', nodes: { web: ['web-client', 'Web'], api: ['service', 'API'], stray: ['worker', 'Stray worker'] }, links: [['web', 'api']] });
    expect(questionsFor(lone, 'disconnected-component')[0]?.text).toBe('Stray worker is not connected to anything. What role does it play in your design?');
  });

  it('falls back to a generic question when the elements are gone or the rule is unknown', () => {
    const design = sketch({ id: 'd', title: 'd', nodes: { a: ['service', 'A'] } });
    const finding = {
      id: 'made-up:x',
      ruleId: 'made-up',
      severity: 'info' as const,
      title: 'Made up',
      message: 'Something is odd.',
      why: 'w',
      fix: 'Do the thing.',
      glossaryTerm: 'monolith',
      elementIds: ['x'],
      quickFixes: [],
    };
    expect(findingQuestion(finding, buildGraphIndex(design))).toBe(
      'Made up: Something is odd. What does that mean for your design, and how would you deal with it?',
    );
    expect(findingQuestion({ ...finding, ruleId: 'missing-timeout' }, buildGraphIndex(design))).toBe(genericFindingQuestion(finding));
  });
});
