/** Validates glossary/compare/*.md and glossary/hubs/*.md and their links. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComparePage, Hub } from '../domain/glossary/guide.ts';
import { parseCompareFile, parseHubFile } from './parse-guide.ts';

const root = join(import.meta.dirname, '../../glossary');
const termIds = new Set(readdirSync(join(root, 'terms')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')));
const read = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => [f, readFileSync(join(root, dir, f), 'utf8')] as const);

const compares = new Map<string, ComparePage>();
const hubs = new Map<string, Hub>();
const failures: string[] = [];
for (const [file, text] of read('compare')) {
  const r = parseCompareFile(text);
  if (!r.ok) failures.push(...r.problems.map((p) => `compare/${file}: ${p}`));
  else if (`${r.value.id}.md` !== file) failures.push(`compare/${file}: id does not match the file name`);
  else compares.set(r.value.id, r.value);
}
for (const [file, text] of read('hubs')) {
  const r = parseHubFile(text);
  if (!r.ok) failures.push(...r.problems.map((p) => `hubs/${file}: ${p}`));
  else if (`${r.value.id}.md` !== file) failures.push(`hubs/${file}: id does not match the file name`);
  else hubs.set(r.value.id, r.value);
}

describe('compare pages and learning hubs', () => {
  it('every file parses, with a table of dimensions and every section filled', () => {
    expect(failures).toEqual([]);
  });

  it('every term, compare page and related link resolves', () => {
    const broken: string[] = [];
    for (const c of compares.values()) {
      for (const o of c.options) if (!termIds.has(o.term)) broken.push(`${c.id} option -> ${o.term}`);
      for (const id of c.related) if (!termIds.has(id)) broken.push(`${c.id} related -> ${id}`);
    }
    for (const h of hubs.values()) {
      for (const id of h.terms) if (!termIds.has(id)) broken.push(`${h.id} term -> ${id}`);
      for (const id of h.compare) if (!compares.has(id)) broken.push(`${h.id} compare -> ${id}`);
    }
    expect(broken).toEqual([]);
  });
});
