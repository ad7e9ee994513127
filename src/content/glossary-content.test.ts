/**
 * Validates every file under glossary/terms/: schema, file name, sections,
 * cross-links, aliases and example designs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleToDesign } from '../domain/glossary/example-design.ts';
import type { Term } from '../domain/glossary/term.ts';
import { parseTermFile } from './parse-term.ts';

const dir = join(import.meta.dirname, '../../glossary/terms');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

const terms = new Map<string, Term>();
const failures: string[] = [];
for (const file of files) {
  const result = parseTermFile(readFileSync(join(dir, file), 'utf8'));
  if (!result.ok) failures.push(...result.problems.map((p) => `${file}: ${p}`));
  else if (`${result.term.id}.md` !== file) failures.push(`${file}: id "${result.term.id}" does not match the file name`);
  else terms.set(result.term.id, result.term);
}

describe('glossary terms', () => {
  it('every file parses and matches the term schema', () => {
    expect(failures).toEqual([]);
  });

  it('every related term resolves and no term relates to itself', () => {
    const broken: string[] = [];
    for (const term of terms.values()) {
      for (const id of term.related) {
        if (!terms.has(id)) broken.push(`${term.id} -> ${id}`);
        if (id === term.id) broken.push(`${term.id} relates to itself`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no alias or name is claimed by two terms', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const term of terms.values()) {
      for (const name of [term.term, ...term.aliases]) {
        const key = name.toLowerCase();
        const previous = owner.get(key);
        if (previous && previous !== term.id) clashes.push(`"${name}" is used by ${previous} and ${term.id}`);
        owner.set(key, term.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every example design builds into a valid design', () => {
    const problems: string[] = [];
    for (const term of terms.values()) {
      if (!term.exampleDesign) continue;
      const result = exampleToDesign(term.exampleDesign, term.id, '2026-01-01T00:00:00.000Z');
      if (!result.ok) problems.push(`${term.id}: ${result.problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('explanations run to several paragraphs', () => {
    const thin = [...terms.values()]
      .filter((t) => t.sections.explanation.split(/\n\s*\n/).filter((p) => p.trim()).length < 3)
      .map((t) => t.id);
    expect(thin).toEqual([]);
  });
});

describe('links into the glossary', () => {
  it('has at least 80 terms', () => {
    expect(terms.size).toBeGreaterThanOrEqual(80);
  });

  it('every component kind and every rule links to a term that exists', async () => {
    const { COMPONENT_KINDS } = await import('../domain/diagram/catalog.ts');
    const { RULES } = await import('../domain/rules/registry.ts');
    const missing = [
      ...COMPONENT_KINDS.filter((k) => !terms.has(k.glossaryTerm)).map((k) => `kind ${k.id} -> ${k.glossaryTerm}`),
      ...RULES.filter((r) => !terms.has(r.glossaryTerm)).map((r) => `rule ${r.id} -> ${r.glossaryTerm}`),
    ];
    expect(missing).toEqual([]);
  });
});
