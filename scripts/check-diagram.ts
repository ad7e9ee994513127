/**
 * Command-line checker: lint a Skyline design file with the rules engine.
 *
 *   tsx scripts/check-diagram.ts <design.json> [--json] [--fail-on error|warning|info]
 *
 * Prints the findings grouped by severity (or a JSON array with --json) and
 * exits 0 when nothing reaches the --fail-on level (default: error), 1 when
 * something does, and 2 for a missing or unreadable file, text that is not
 * JSON or not a valid design, or bad arguments.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDesignText } from '../src/domain/persistence/parse-design.ts';
import { isSeverity } from '../src/domain/rules/config.ts';
import { analyzeDesign } from '../src/domain/rules/engine.ts';
import { SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../src/domain/rules/types.ts';

export const USAGE = `Usage: tsx scripts/check-diagram.ts <design.json> [--json] [--fail-on error|warning|info]

Checks a Skyline design file against the architecture rules.

  --json              print the findings as a JSON array instead of text
  --fail-on <level>   fail when a finding at this level or above exists (default: error)
  -h, --help          show this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 missing or invalid file, or bad arguments.`;

export interface CheckIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

interface Options {
  file: string;
  json: boolean;
  failOn: Severity;
}

type Parsed = { ok: true; options: Options } | { ok: false; help: true } | { ok: false; help: false; problem: string };

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let json = false;
  let failOn: Severity = 'error';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg === '--json') {
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
  if (files.length > 1) return { ok: false, help: false, problem: `Give one design file, not ${files.length}.` };
  return { ok: true, options: { file: files[0]!, json, failOn } };
}

function readProblem(file: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `Cannot read ${file}: there is no such file.`;
  if (code === 'EISDIR') return `Cannot read ${file}: it is a directory, not a design file.`;
  return `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
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
  const { file, json, failOn } = parsed.options;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(readProblem(file, error));
    return 2;
  }
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

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = run(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
