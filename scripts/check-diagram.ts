/**
 * Command-line checker: lint a Skyline design file with the rules engine, or
 * grade designs against a practice problem's rubric.
 *
 *   tsx scripts/check-diagram.ts <design.json> [--json] [--fail-on error|warning|info]
 *   tsx scripts/check-diagram.ts <design.json | folder>... --problem <id> [--json] [--min-score N]
 *
 * See USAGE for the exit codes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseProblemFile } from '../src/content/parse-problem.ts';
import type { Design } from '../src/domain/diagram/schema.ts';
import type { Problem } from '../src/domain/rubric/problem.ts';
import { scoreDesign, type RubricScore } from '../src/domain/rubric/scorer.ts';
import { parseDesignText } from '../src/domain/persistence/parse-design.ts';
import { isSeverity } from '../src/domain/rules/config.ts';
import { analyzeDesign } from '../src/domain/rules/engine.ts';
import { SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../src/domain/rules/types.ts';
import { readInput } from './read-input.ts';

export const USAGE = `Usage: npm run check-diagram -- <design.json> [--json] [--fail-on error|warning|info]
       npm run check-diagram -- <design.json | folder>... --problem <id> [--json] [--min-score N]

Checks a Skyline design file against the architecture rules, or grades
designs against a practice problem's rubric (a folder grades every .json
file in it, for a class's submissions).

  --json              print JSON instead of text: the findings as an array; with
                      --problem, { "score", "criteria": [{ "id", "met", "points",
                      "reason" }], "findings" } for one design, or an array of
                      those with "file" for several
  --fail-on <level>   fail when a finding at this level or above exists (default: error)
  --problem <id>      grade against problems/<id>/problem.yaml
  --min-score <N>     with --problem: fail when a design scores below N (0-100)
  -h, --help          show this help

Exit codes: 0 passing (nothing at or above --fail-on; with --problem, every
design graded and none below --min-score), 1 failing (findings at or above
--fail-on; with --problem, a design below --min-score or a file that is not a
valid design), 2 missing file, unknown problem, or bad arguments.`;

export interface CheckIo {
  readFile(path: string): string;
  /** The .json files of a folder (sorted), or null when the path is not a folder. */
  listFolder?(path: string): string[] | null;
  out(text: string): void;
  err(text: string): void;
}

interface Options {
  files: string[];
  json: boolean;
  failOn: Severity;
  problem: string | null;
  minScore: number | null;
}

type Parsed = { ok: true; options: Options } | { ok: false; help: true } | { ok: false; help: false; problem: string };

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let json = false;
  let failOn: Severity = 'error';
  let problem: string | null = null;
  let minScore: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg === '--problem' || arg.startsWith('--problem=')) {
      const value = arg === '--problem' ? argv[++i] : arg.slice('--problem='.length);
      if (!value) return { ok: false, help: false, problem: '--problem needs a problem id, such as url-shortener.' };
      problem = value;
    } else if (arg === '--min-score' || arg.startsWith('--min-score=')) {
      const value = arg === '--min-score' ? argv[++i] : arg.slice('--min-score='.length);
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n) || n < 0 || n > 100) return { ok: false, help: false, problem: '--min-score needs a number from 0 to 100.' };
      minScore = n;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg === '--fail-on' ? argv[++i] : arg.slice('--fail-on='.length);
      if (value === undefined) return { ok: false, help: false, problem: '--fail-on needs a level: error, warning or info.' };
      if (!isSeverity(value)) return { ok: false, help: false, problem: `--fail-on must be error, warning or info, not "${value}".` };
      failOn = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, help: false, problem: `Unknown option ${arg}.` };
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return { ok: false, help: false, problem: 'Give the design file to check.' };
  if (files.length > 1 && problem === null) return { ok: false, help: false, problem: `Give one design file, not ${files.length} (or grade several with --problem).` };
  if (minScore !== null && problem === null) return { ok: false, help: false, problem: '--min-score goes with --problem.' };
  return { ok: true, options: { files, json, failOn, problem, minScore } };
}

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const MARKS: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function formatText(findings: readonly Finding[], title: string, file: string, failOn: Severity, failing: number): string {
  const lines = [`Skyline check: ${title} (${file})`];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const finding of group) {
      lines.push(`  ${MARKS[severity]} ${finding.ruleId}: ${finding.message}`);
      lines.push(`      fix: ${finding.fix}`);
      lines.push(`      elements: ${finding.elementIds.join(', ')}`);
      lines.push(`      learn: glossary term "${finding.glossaryTerm}"`);
      if (finding.quickFixes.length > 0) lines.push(`      quick fixes: ${finding.quickFixes.map((q) => q.label).join('; ')}`);
    }
  }
  const counts = SEVERITIES.map((s) => {
    const n = findings.filter((f) => f.severity === s).length;
    return s === 'info' ? `${n} info` : plural(n, s);
  }).join(', ');
  lines.push('');
  lines.push(
    failing > 0
      ? `✖ ${plural(findings.length, 'finding')} (${counts}); ${failing} at or above "${failOn}": failing.`
      : findings.length > 0
        ? `✔ ${plural(findings.length, 'finding')} (${counts}); none at or above "${failOn}": passing.`
        : '✔ No findings: the design passes every rule.',
  );
  return lines.join('\n');
}

/** Run the checker; returns the exit code. */
export function run(argv: string[], io: CheckIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.out(USAGE);
      return 0;
    }
    io.err(`${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.options.problem !== null) return grade(parsed.options, io);
  const { json, failOn } = parsed.options;
  const file = parsed.options.files[0]!;
  const text = readInput(io, file);
  if (text === null) return 2;
  const result = parseDesignText(text);
  if (!result.ok) {
    const details = result.reason === 'invalid' && result.problems.length > 1 ? result.problems.slice(0, 10).map((p) => `\n  - ${p}`).join('') : '';
    io.err(`${file}: ${result.message}${details}`);
    return 2;
  }
  const findings = analyzeDesign(result.design);
  const failing = findings.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]).length;
  if (json) {
    io.out(JSON.stringify(findings.map((f) => ({ ...f, quickFixes: f.quickFixes.map((q) => q.label) })), null, 2));
  } else {
    io.out(formatText(findings, result.design.title, file, failOn, failing));
  }
  return failing > 0 ? 1 : 0;
}

const PROBLEMS = fileURLToPath(new URL('../problems/', import.meta.url));

function loadProblem(id: string, io: CheckIo): Problem | string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return `There is no problem called "${id}".`;
  let text: string;
  try {
    text = io.readFile(join(PROBLEMS, id, 'problem.yaml'));
  } catch {
    return `There is no problem called "${id}" (looked for problems/${id}/problem.yaml).`;
  }
  const parsed = parseProblemFile(text);
  return parsed.ok ? parsed.problem : `The problem "${id}" is damaged: ${parsed.problems[0]}`;
}

interface Graded {
  file: string;
  design?: Design;
  score?: RubricScore;
  findings?: Finding[];
  problem?: string;
}

function gradeJson(g: Graded) {
  if (!g.score || !g.findings) return { file: g.file, error: g.problem };
  return {
    file: g.file,
    score: g.score.score,
    criteria: g.score.results.map((r) => ({ id: r.criterion.id, met: r.met, points: r.earned, of: r.criterion.points, reason: r.detail })),
    findings: g.findings.map((f) => ({ ...f, quickFixes: f.quickFixes.map((q) => q.label) })),
  };
}

function gradeText(g: Graded, problem: Problem): string {
  if (!g.score || !g.design || !g.findings) return `✖ ${g.file}: ${g.problem}`;
  const lines = [`${problem.title}: ${g.design.title} (${g.file})`, `Score ${g.score.score}/100 (${g.score.earned} of ${g.score.possible} points)`, ''];
  for (const r of g.score.results) lines.push(`  ${r.met ? '✔' : '✖'} ${r.criterion.id} (${r.earned}/${r.criterion.points}): ${r.detail}`);
  const counts = SEVERITIES.map((s) => `${g.findings!.filter((f) => f.severity === s).length} ${s === 'info' ? 'info' : `${s}s`}`).join(', ');
  lines.push('', `Findings: ${counts}`);
  for (const f of g.findings) lines.push(`  ${MARKS[f.severity]} ${f.ruleId}: ${f.message}`);
  return lines.join('\n');
}

function grade(options: Options, io: CheckIo): number {
  const problem = loadProblem(options.problem!, io);
  if (typeof problem === 'string') {
    io.err(problem);
    return 2;
  }
  const files: string[] = [];
  for (const path of options.files) {
    const listed = io.listFolder?.(path) ?? null;
    if (listed) files.push(...listed);
    else files.push(path);
  }
  const graded: Graded[] = [];
  for (const file of files) {
    const text = readInput(io, file);
    if (text === null) return 2;
    const result = parseDesignText(text);
    if (!result.ok) {
      graded.push({ file, problem: result.message });
      continue;
    }
    const findings = analyzeDesign(result.design);
    graded.push({ file, design: result.design, findings, score: scoreDesign(problem, result.design, findings) });
  }
  if (options.json) {
    const out = graded.map(gradeJson);
    io.out(JSON.stringify(options.files.length === 1 && files.length === 1 ? out[0] : out, null, 2));
  } else {
    io.out(graded.map((g) => gradeText(g, problem)).join('\n\n'));
    if (graded.length > 1) {
      io.out(['', 'Summary', ...graded.map((g) => `  ${g.score ? String(g.score.score).padStart(3) : '  –'}  ${g.file}`)].join('\n'));
    }
  }
  const failing = graded.some((g) => !g.score || (options.minScore !== null && g.score.score < options.minScore));
  return failing ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = run(process.argv.slice(2), {
    listFolder: (path) => {
      try {
        if (!statSync(path).isDirectory()) return null;
      } catch {
        return null;
      }
      return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
