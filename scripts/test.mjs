// `npm test`: everything, in order, on a fresh machine. Ends with one line:
// "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium, ensurePackages } from './ensure.mjs';

let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

function step(name, command, args, { env } = {}) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function count(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

ensurePackages();
ensureChromium();
mkdirSync('test-results', { recursive: true });

count('type check', step('Type check (tsc, strict)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
count('lint', step('Lint (eslint, module boundaries)', 'npx', ['eslint', '.', '--max-warnings', '0']));

const vitestReport = 'test-results/vitest.json';
const unitOk = step('Unit, property and content tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests > 0) failures.push(`${report.numFailedTests} unit tests`);
  if (!unitOk && report.numFailedTests === 0) count('vitest run', false);
} else {
  count('vitest run', false);
}

const built = step('Production build (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
count('build', built);
if (built) {
  count('initial-JS budget', step('Bundle budget', 'node', ['scripts/budget.mjs']));
  const e2eReport = 'test-results/playwright.json';
  const e2eOk = step('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  });
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {};
    const ok = (stats.expected ?? 0) + (stats.flaky ?? 0);
    const bad = (stats.unexpected ?? 0);
    passed += ok;
    failed += bad;
    if (bad > 0) failures.push(`${bad} browser tests`);
    if (!e2eOk && bad === 0) count('playwright run', false);
  } else {
    count('playwright run', false);
  }
}

console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
