/**
 * Validates every problem under problems/: the schema, that criteria use only
 * declared capabilities and existing rules, that related terms exist, and
 * that each reference solution scores 100 with no error findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Design } from '../domain/diagram/schema.ts';
import type { Problem } from '../domain/rubric/problem.ts';
import { referenceDesign } from '../domain/rubric/reference.ts';
import { scoreDesign } from '../domain/rubric/scorer.ts';
import { analyzeDesign } from '../domain/rules/engine.ts';
import { getRule } from '../domain/rules/registry.ts';
import { parseProblemFile } from './parse-problem.ts';

const dir = join(import.meta.dirname, '../../problems');
const termIds = new Set(readdirSync(join(import.meta.dirname, '../../glossary/terms')).map((f) => f.replace(/\.md$/, '')));
const problems = new Map<string, Problem>();
const failures: string[] = [];
for (const folder of readdirSync(dir).sort()) {
  const file = `${folder}/problem.yaml`;
  const r = parseProblemFile(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) failures.push(...r.problems.map((p) => `${file}: ${p}`));
  else if (r.problem.id !== folder) failures.push(`${file}: id "${r.problem.id}" does not match the folder name`);
  else problems.set(r.problem.id, r.problem);
}

describe('problems', () => {
  it('every file parses and matches the problem schema', () => {
    expect(failures).toEqual([]);
  });

  it('every problem has an interview script and an interviewer question for every criterion', () => {
    for (const p of problems.values()) {
      expect(p.interview, `${p.id}: interview`).toBeDefined();
      expect(p.rubric.filter((c) => !c.question).map((c) => `${p.id}/${c.id}`)).toEqual([]);
    }
  });

  it('criteria use declared capabilities and existing rules; ids are unique; related terms exist', () => {
    const broken: string[] = [];
    for (const p of problems.values()) {
      const caps = new Set(p.capabilities.map((c) => c.id));
      const ids = new Set<string>();
      for (const c of p.rubric) {
        if (ids.has(c.id)) broken.push(`${p.id}: criterion id ${c.id} repeats`);
        ids.add(c.id);
        const used = [
          'capability' in c ? c.capability : undefined,
          c.type === 'reaches' ? c.from : undefined,
          c.type === 'reaches' ? c.to : undefined,
        ].filter((x): x is string => x !== undefined);
        for (const cap of used) if (!caps.has(cap)) broken.push(`${p.id}: ${c.id} uses unknown capability ${cap}`);
        if (c.type === 'no-finding' && c.rule && !getRule(c.rule)) broken.push(`${p.id}: ${c.id} names unknown rule ${c.rule}`);
      }
      for (const t of p.relatedTerms) if (!termIds.has(t)) broken.push(`${p.id}: related term ${t} does not exist`);
    }
    expect(broken).toEqual([]);
  });

  it('every reference solution is a valid design that scores 100 with no error findings', () => {
    const report: string[] = [];
    for (const p of problems.values()) {
      let design;
      try {
        design = referenceDesign(p);
      } catch (error) {
        report.push(`${p.id}: reference does not build: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const parsed = Design.safeParse(design);
      if (!parsed.success) {
        report.push(`${p.id}: reference is not a valid design: ${parsed.error.issues[0]?.message}`);
        continue;
      }
      const findings = analyzeDesign(design);
      for (const f of findings.filter((x) => x.severity === 'error')) report.push(`${p.id}: reference has error finding ${f.ruleId}: ${f.message}`);
      const score = scoreDesign(p, design, findings);
      for (const r of score.results.filter((x) => !x.met)) report.push(`${p.id}: reference misses ${r.criterion.id}: ${r.detail}`);
    }
    expect(report).toEqual([]);
  }, 60_000);
});
