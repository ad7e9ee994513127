import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, USAGE, type CheckIo } from './check-diagram.ts';

const examples = fileURLToPath(new URL('../docs/examples/', import.meta.url));

/** Run the checker against real files (or given texts), capturing what it prints. */
function check(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CheckIo = {
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  const code = run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Each bad example, the rule it must trip, and the level to fail on. */
const BAD = [
  ['bad-shared-database.json', 'shared-database', 'error'],
  ['bad-sync-cycle.json', 'sync-cycle', 'error'],
  ['bad-exposed-datastore.json', 'exposed-datastore', 'error'],
  ['bad-unsafe-retry.json', 'unsafe-retry', 'error'],
  ['bad-deep-sync-chain.json', 'deep-sync-chain', 'warning'],
] as const;

describe('check-diagram', () => {
  it('has an example for every bad design in docs/examples, and one good one', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(['good-shop-checkout.json', ...BAD.map(([file]) => file)].sort());
  });

  it('passes the good example with no findings at all', () => {
    const result = check([`${examples}good-shop-checkout.json`, '--fail-on', 'info']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('No findings');
  });

  it.each(BAD)('fails %s on %s', (file, ruleId, failOn) => {
    const path = `${examples}${file}`;
    const text = check([path, '--fail-on', failOn]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(new RegExp(`^  . ${ruleId}: `, 'm'));
    expect(text.out).toMatch(/failing\.$/);
    const json = check([path, '--json', `--fail-on=${failOn}`]);
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.out) as { ruleId: string; severity: string; quickFixes: unknown[] }[];
    const expected = findings.find((f) => f.ruleId === ruleId);
    expect(expected?.severity).toBe(failOn);
    for (const f of findings) for (const q of f.quickFixes) expect(typeof q).toBe('string');
  });

  it('passes below the --fail-on level: warnings only do not fail by default', () => {
    expect(check([`${examples}bad-deep-sync-chain.json`]).code).toBe(0);
  });

  it('groups text output by severity and prints message, fix, elements and glossary term', () => {
    const { out } = check([`${examples}bad-sync-cycle.json`]);
    expect(out.indexOf('Errors (1)')).toBeLessThan(out.indexOf('Warnings ('));
    expect(out).toContain('sync-cycle: Orders and Payments call each other synchronously in a cycle: Orders → Payments → Orders.');
    expect(out).toContain('fix: Break the loop.');
    expect(out).toContain('elements: orders, payments,');
    expect(out).toContain('learn: glossary term "cyclic-dependencies"');
    expect(out.split('\n').at(-1)).toMatch(/^✖ \d+ findings \(1 error, \d+ warnings, \d+ info\); 1 at or above "error": failing\.$/);
  });

  it('exits 2 with a clear message for a missing file, text that is not JSON, or an invalid design', () => {
    const missing = check(['no-such-design.json']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe('Cannot read no-such-design.json: there is no such file.');

    const notJson = check(['broken.json'], { 'broken.json': '{ "format": ' });
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/^broken\.json: This is not valid JSON/);

    const good = JSON.parse(readFileSync(`${examples}good-shop-checkout.json`, 'utf8')) as { nodes: { id: string; name: string }[] };
    good.nodes[0]!.name = '';
    const invalid = check(['invalid.json'], { 'invalid.json': JSON.stringify(good) });
    expect(invalid.code).toBe(2);
    expect(invalid.err).toBe('invalid.json: This design is not valid: node web: name must not be empty');

    const other = check(['other.json'], { 'other.json': '{"hello": "world"}' });
    expect(other.code).toBe(2);
    expect(other.err).toContain('This is not a Skyline design');
  });

  it('exits 2 and prints the usage for bad arguments, and 0 for --help', () => {
    for (const argv of [[], ['a.json', 'b.json'], ['a.json', '--fail-on'], ['a.json', '--fail-on', 'fatal'], ['a.json', '--verbose']]) {
      const result = check(argv);
      expect(result.code).toBe(2);
      expect(result.err).toContain(USAGE);
    }
    expect(check(['--help'])).toMatchObject({ code: 0, out: USAGE });
  });
});

describe('check-diagram --problem', () => {
  const problemsDir = fileURLToPath(new URL('../problems/', import.meta.url));

  it('grades a design like the app does: score, every criterion with its reason, and the findings', async () => {
    const { load } = await import('js-yaml');
    const { ProblemTestDesign, designFromSketch } = await import('../src/domain/rubric/reference.ts');
    const { parseProblemFile } = await import('../src/content/parse-problem.ts');
    const { scoreDesign } = await import('../src/domain/rubric/scorer.ts');
    const { analyzeDesign } = await import('../src/domain/rules/engine.ts');
    const { serializeDesign } = await import('../src/domain/persistence/parse-design.ts');
    const problem = parseProblemFile(readFileSync(`${problemsDir}url-shortener/problem.yaml`, 'utf8'));
    if (!problem.ok) throw new Error('url-shortener does not parse');
    for (const file of ['sound-alternative.yaml', 'sound-alternative-untagged.yaml']) {
      const spec = ProblemTestDesign.parse(load(readFileSync(`${problemsDir}url-shortener/designs/${file}`, 'utf8')));
      const design = designFromSketch('d', spec.title, spec.design);
      const app = scoreDesign(problem.problem, design, analyzeDesign(design));
      const result = check(['design.json', '--problem', 'url-shortener', '--json'], { 'design.json': serializeDesign(design) });
      expect(result.code).toBe(0);
      const graded = JSON.parse(result.out) as { score: number; criteria: { id: string; met: boolean; points: number; reason: string }[]; findings: unknown[] };
      expect(graded.score).toBe(app.score);
      expect(graded.criteria).toEqual(app.results.map((r) => expect.objectContaining({ id: r.criterion.id, met: r.met, points: r.earned, reason: r.detail })));
      expect(graded.findings).toHaveLength(analyzeDesign(design).length);
    }
  });

  it('grades a folder, fails below --min-score, and refuses an unknown problem', () => {
    const good = readFileSync(`${examples}good-shop-checkout.json`, 'utf8');
    const io: CheckIo = {
      readFile: (path) => {
        if (path.startsWith('class/')) return good;
        return readFileSync(path, 'utf8');
      },
      listFolder: (path) => (path === 'class' ? ['class/a.json', 'class/b.json'] : null),
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    };
    const out: string[] = [];
    const err: string[] = [];
    expect(run(['class', '--problem', 'url-shortener'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Summary\n\s+\d+\s+class\/a\.json\n\s+\d+\s+class\/b\.json/);
    expect(run(['class', '--problem', 'url-shortener', '--min-score', '90'], io)).toBe(1);
    expect(run(['class', '--problem', 'no-such-problem'], io)).toBe(2);
    expect(err.at(-1)).toMatch(/There is no problem called "no-such-problem"/);
    expect(check(['a.json', 'b.json']).code).toBe(2);
  });
});
