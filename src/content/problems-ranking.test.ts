/**
 * The grader must rank designs right on every problem: the reference scores
 * 100; a god box, the vocabulary unwired and the vocabulary in one chain
 * score 40 or less; the reference without any of its critical parts scores
 * less and says what is missing; the designs kept in the problem's folder
 * (sound alternatives, and tricks a skeptic tried) score as they declare.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { getKind } from '../domain/diagram/catalog.ts';
import { deleteElements } from '../domain/diagram/edit-operations.ts';
import type { Design } from '../domain/diagram/schema.ts';
import { ATTACKS, attackDesign } from '../domain/rubric/attacks.ts';
import type { Problem } from '../domain/rubric/problem.ts';
import { designFromSketch, ProblemTestDesign, referenceDesign } from '../domain/rubric/reference.ts';
import { scoreDesign } from '../domain/rubric/scorer.ts';
import { analyzeDesign } from '../domain/rules/engine.ts';
import { parseProblemFile } from './parse-problem.ts';

const dir = join(import.meta.dirname, '../../problems');
const problems: Problem[] = [];
for (const folder of readdirSync(dir).sort()) {
  const r = parseProblemFile(readFileSync(join(dir, folder, 'problem.yaml'), 'utf8'));
  if (r.ok) problems.push(r.problem);
}

const scoreOf = (p: Problem, d: Design) => scoreDesign(p, d, analyzeDesign(d));

/** Groups of reference components a criterion depends on: those doing one capability, or those of one kind a criterion names. */
function criticalGroups(p: Problem, reference: Design): { what: string; words: string[]; ids: string[] }[] {
  const groups: { what: string; words: string[]; ids: string[] }[] = [];
  for (const c of p.capabilities) {
    const ids = reference.nodes.filter((n) => n.responsibilities.includes(c.id)).map((n) => n.id);
    if (ids.length > 0) groups.push({ what: `capability ${c.id}`, words: [c.label, ...reference.nodes.filter((n) => ids.includes(n.id)).map((n) => n.name)], ids });
  }
  const kinds = new Set<string>();
  for (const c of p.rubric) {
    if (c.type === 'component' || c.type === 'entry-through') for (const k of Array.isArray(c.kind) ? c.kind : [c.kind]) kinds.add(k);
    if (c.type === 'before') for (const t of [c.first, c.then]) if ('kind' in t) for (const k of Array.isArray(t.kind) ? t.kind : [t.kind]) kinds.add(k);
  }
  // A criterion naming several kinds is met by any of them: remove them all.
  for (const c of p.rubric) {
    const named = c.type === 'component' || c.type === 'entry-through' ? (Array.isArray(c.kind) ? c.kind : [c.kind]) : [];
    if (named.length > 1) {
      const ids = reference.nodes.filter((n) => named.includes(n.kind)).map((n) => n.id);
      if (ids.length > 0) groups.push({ what: `kinds ${named.join('/')} (${c.id})`, words: named.map((k) => getKind(k).label), ids });
      for (const k of named) kinds.delete(k);
    }
  }
  for (const k of kinds) {
    const ids = reference.nodes.filter((n) => n.kind === k).map((n) => n.id);
    if (ids.length > 0) groups.push({ what: `kind ${k}`, words: [getKind(k).label], ids });
  }
  return groups;
}

function testDesigns(p: Problem): { file: string; spec: ProblemTestDesign }[] {
  const folder = join(dir, p.id, 'designs');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, spec: ProblemTestDesign.parse(load(readFileSync(join(folder, file), 'utf8'))) }));
}

// A problem is judged on request flows once it declares its operations.
describe.each(problems.map((p) => [p.id, p] as const))('%s ranks designs right', (_id, p) => {
  if (p.operations.length === 0) {
    it.skip('declares its operations, so designs are judged on request flows', () => {});
    return;
  }
  const reference = referenceDesign(p);

  it('scores a god box, the vocabulary unwired and the vocabulary in one chain at 40 or less', () => {
    const scores = Object.fromEntries(ATTACKS.map((a) => [a, scoreOf(p, attackDesign(p, a)).score]));
    for (const a of ATTACKS) expect(scores[a], `${a}: ${JSON.stringify(scores)}`).toBeLessThanOrEqual(40);
  }, 30_000);

  it('scores the reference lower without any of its critical parts, and says what is missing', () => {
    const report: string[] = [];
    for (const group of criticalGroups(p, reference)) {
      const ablated = deleteElements(reference, new Set(group.ids));
      const result = scoreOf(p, ablated);
      if (result.score >= 100) {
        report.push(`${group.what}: still scores 100 without it`);
        continue;
      }
      const missed = result.results.filter((r) => !r.met);
      const words = group.words.map((w) => w.toLowerCase());
      if (!missed.some((r) => words.some((w) => r.detail.toLowerCase().includes(w) || r.criterion.description.toLowerCase().includes(w)))) {
        report.push(`${group.what}: no missed criterion names it (${missed.map((r) => r.detail).join(' | ')})`);
      }
    }
    expect(report).toEqual([]);
  }, 60_000);

  it.each(testDesigns(p).map((d) => [d.file, d.spec] as const))('%s scores as it declares', (file, spec) => {
    const design = designFromSketch(`${p.id}-${file}`, spec.title, spec.design);
    const result = scoreOf(p, design);
    const why = result.results.filter((r) => !r.met).map((r) => `${r.criterion.id}: ${r.detail}`).join('\n');
    if (spec.expect.min !== undefined) expect(result.score, why).toBeGreaterThanOrEqual(spec.expect.min);
    if (spec.expect.max !== undefined) expect(result.score, why).toBeLessThanOrEqual(spec.expect.max);
  }, 30_000);

  it('scores every declared capability and operation in some criterion', () => {
    const used = new Set<string>();
    for (const c of p.rubric) {
      if ('capability' in c && c.capability) used.add(c.capability);
      if (c.type === 'reaches') used.add(c.from).add(c.to);
      if (c.type === 'separate') for (const x of c.capabilities) used.add(x);
      if (c.type === 'before') for (const t of [c.first, c.then]) if ('capability' in t) used.add(t.capability);
      if (c.type === 'serves') {
        const op = p.operations.find((o) => o.id === c.operation);
        if (op) used.add(op.servedBy);
        if (op?.from) used.add(op.from);
      }
    }
    expect(p.capabilities.map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
    const served = new Set(p.rubric.filter((c) => c.type === 'serves').map((c) => c.operation));
    expect(p.operations.map((o) => o.id).filter((id) => !served.has(id))).toEqual([]);
  });
});
