/**
 * How the grader ranks each problem's designs: the reference, the designs
 * kept in the problem's folder, the three generated attacks and the
 * reference with each critical part removed. Prints a table per problem;
 * `--write <folder>` also writes every design as a JSON file, to grade with
 * `npm run check-diagram -- <folder> --problem <id>`.
 *
 *   npm run rank-designs -- [problem-id...] [--write <folder>]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { parseProblemFile } from '../src/content/parse-problem.ts';
import type { Design } from '../src/domain/diagram/schema.ts';
import { serializeDesign } from '../src/domain/persistence/parse-design.ts';
import { ATTACKS, attackDesign } from '../src/domain/rubric/attacks.ts';
import type { Problem } from '../src/domain/rubric/problem.ts';
import { designFromSketch, ProblemTestDesign, referenceDesign } from '../src/domain/rubric/reference.ts';
import { scoreDesign } from '../src/domain/rubric/scorer.ts';
import { analyzeDesign } from '../src/domain/rules/engine.ts';
import { deleteElements } from '../src/domain/diagram/edit-operations.ts';

const root = fileURLToPath(new URL('../problems/', import.meta.url));
const args = process.argv.slice(2);
const writeAt = args.indexOf('--write');
const out = writeAt >= 0 ? args[writeAt + 1] : undefined;
const ids = args.filter((a, i) => !a.startsWith('--') && (writeAt < 0 || i !== writeAt + 1));

const score = (p: Problem, d: Design) => scoreDesign(p, d, analyzeDesign(d));

for (const id of ids.length > 0 ? ids : readdirSync(root).sort()) {
  const parsed = parseProblemFile(readFileSync(join(root, id, 'problem.yaml'), 'utf8'));
  if (!parsed.ok) {
    console.log(`${id}: ${parsed.problems[0]}`);
    continue;
  }
  const p = parsed.problem;
  const rows: [string, Design][] = [['reference', referenceDesign(p)]];
  const folder = join(root, id, 'designs');
  if (existsSync(folder)) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
      const spec = ProblemTestDesign.parse(load(readFileSync(join(folder, file), 'utf8')));
      rows.push([file.replace(/\.yaml$/, ''), designFromSketch(`${id}-${file.replace(/\.yaml$/, '')}`, spec.title, spec.design)]);
    }
  }
  for (const a of ATTACKS) rows.push([a, attackDesign(p, a)]);
  const reference = rows[0]![1];
  for (const c of p.capabilities) {
    const gone = reference.nodes.filter((n) => n.responsibilities.includes(c.id)).map((n) => n.id);
    if (gone.length > 0) rows.push([`without ${c.id}`, deleteElements(reference, new Set(gone))]);
  }
  console.log(`\n${p.id}`);
  for (const [name, design] of rows) {
    const s = score(p, design);
    const missed = s.results.filter((r) => !r.met).map((r) => r.criterion.id);
    console.log(`  ${String(s.score).padStart(3)}  ${name.padEnd(34)} ${missed.length ? `missed: ${missed.join(', ')}` : ''}`);
    if (out) {
      mkdirSync(join(out, p.id), { recursive: true });
      writeFileSync(join(out, p.id, `${name.replace(/ /g, '-')}.json`), serializeDesign(design));
    }
  }
}
