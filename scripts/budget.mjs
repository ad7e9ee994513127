// Measures the initial JavaScript a first visit downloads (entry script plus
// its modulepreloads, gzip) and checks it against the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 200;

export function initialJs(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(match[1]);
  let gzip = 0;
  let raw = 0;
  const parts = [];
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    const gz = gzipSync(bytes, { level: 9 }).length;
    gzip += gz;
    raw += bytes.length;
    parts.push(`${file} ${(gz / 1024).toFixed(1)} KB`);
  }
  return { gzipKb: gzip / 1024, rawKb: raw / 1024, parts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { gzipKb, rawKb, parts } = initialJs();
  console.log(`initial JS: ${gzipKb.toFixed(1)} KB gzip (${rawKb.toFixed(0)} KB raw) — budget ${BUDGET_KB} KB`);
  for (const part of parts) console.log(`  ${part}`);
  if (gzipKb > BUDGET_KB) {
    console.error(`over budget by ${(gzipKb - BUDGET_KB).toFixed(1)} KB`);
    process.exit(1);
  }
}
