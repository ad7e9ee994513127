/**
 * Every place that names a glossary term, compare page or learning hub must
 * name one that exists, and every term must be reachable by a reader who
 * starts from a learning hub or a problem (the glossary index alone does not
 * count: a term nothing else points to teaches nobody).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from '../domain/diagram/catalog.ts';
import type { ComparePage, Hub } from '../domain/glossary/guide.ts';
import type { Term } from '../domain/glossary/term.ts';
import { FAILURE_PROBE_TERM } from '../domain/interview/diagram-follow-ups.ts';
import type { Problem } from '../domain/rubric/problem.ts';
import { RULES } from '../domain/rules/registry.ts';
import { checkRule } from '../domain/rules/rule-harness.ts';
import { parseCompareFile, parseHubFile } from './parse-guide.ts';
import { parseProblemFile } from './parse-problem.ts';
import { parseTermFile } from './parse-term.ts';

const root = join(import.meta.dirname, '../..');
const mdFiles = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(root, dir, f), 'utf8'));

const terms = new Map<string, Term>();
for (const text of mdFiles('glossary/terms')) {
  const r = parseTermFile(text);
  if (r.ok) terms.set(r.term.id, r.term);
}
const compares = new Map<string, ComparePage>();
for (const text of mdFiles('glossary/compare')) {
  const r = parseCompareFile(text);
  if (r.ok) compares.set(r.value.id, r.value);
}
const hubs = new Map<string, Hub>();
for (const text of mdFiles('glossary/hubs')) {
  const r = parseHubFile(text);
  if (r.ok) hubs.set(r.value.id, r.value);
}
const problems = new Map<string, Problem>();
for (const folder of readdirSync(join(root, 'problems')).sort()) {
  const r = parseProblemFile(readFileSync(join(root, 'problems', folder, 'problem.yaml'), 'utf8'));
  if (r.ok) problems.set(r.problem.id, r.problem);
}

/** Every string inside a value (sections of a page, every text field of a problem). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

type Link = { to: 'term' | 'compare' | 'hub' | 'problem'; id: string };
const ROUTES = { glossary: 'term', compare: 'compare', learn: 'hub', problems: 'problem' } as const;

/** The in-app links written in Markdown: `](/glossary/raft)`, `](/compare/x)`, `](/learn/y)`, `](/problems/z)`. */
function markdownLinks(value: unknown): Link[] {
  const links: Link[] = [];
  for (const text of strings(value)) {
    for (const m of text.matchAll(/\]\(\/(glossary|compare|learn|problems)\/([^)\s#?]+)/g)) {
      links.push({ to: ROUTES[m[1] as keyof typeof ROUTES], id: m[2]! });
    }
  }
  return links;
}
const termLinks = (ids: readonly string[]): Link[] => ids.map((id) => ({ to: 'term', id }));

/** What each page points to, keyed by "kind:id". */
const outgoing = new Map<string, Link[]>();
for (const t of terms.values()) outgoing.set(`term:${t.id}`, [...termLinks(t.related), ...markdownLinks(t.sections)]);
for (const c of compares.values()) {
  outgoing.set(`compare:${c.id}`, [...termLinks(c.options.map((o) => o.term)), ...termLinks(c.related), ...markdownLinks([c.comparison, c.choose, c.inPractice])]);
}
for (const h of hubs.values()) {
  outgoing.set(`hub:${h.id}`, [...termLinks(h.terms), ...h.compare.map((id): Link => ({ to: 'compare', id })), ...markdownLinks(h.sections)]);
}
for (const p of problems.values()) outgoing.set(`problem:${p.id}`, [...termLinks(p.relatedTerms), ...markdownLinks(p)]);

const collections = { term: terms, compare: compares, hub: hubs, problem: problems };
const exists = (link: Link) => collections[link.to].has(link.id);

describe('links between content', () => {
  it('reads every page (the other content tests report files that do not parse)', () => {
    expect(terms.size).toBeGreaterThanOrEqual(80);
    expect(compares.size).toBeGreaterThanOrEqual(6);
    expect(hubs.size).toBeGreaterThanOrEqual(5);
    expect(problems.size).toBeGreaterThanOrEqual(10);
  });

  it('every term, compare page, hub and problem that a page names exists', () => {
    const broken: string[] = [];
    for (const [from, links] of outgoing) {
      for (const link of links) if (!exists(link)) broken.push(`${from} -> ${link.to} ${link.id}`);
    }
    expect(broken).toEqual([]);
  });

  it('every term that the app links to from a component kind, a rule, a finding or the interviewer exists', () => {
    const named = [
      ...COMPONENT_KINDS.map((k) => [`kind ${k.id}`, k.glossaryTerm] as const),
      ...RULES.map((r) => [`rule ${r.id}`, r.glossaryTerm] as const),
      ...RULES.flatMap((r) => checkRule(r, r.examples.failing).map((f) => [`finding of ${r.id}`, f.glossaryTerm] as const)),
      ['interview failure probe', FAILURE_PROBE_TERM] as const,
    ];
    expect(named.filter(([, id]) => !terms.has(id)).map(([from, id]) => `${from} -> ${id}`)).toEqual([]);
  });

  it('no term is orphaned: each is reachable from a learning hub or a problem', () => {
    // A term page also lists the compare pages it is an option of, so those count as links from the term.
    for (const c of compares.values()) {
      for (const o of c.options) outgoing.get(`term:${o.term}`)?.push({ to: 'compare', id: c.id });
    }
    const key = (l: Link) => `${l.to}:${l.id}`;
    const seen = new Set<string>([...hubs.keys()].map((id) => `hub:${id}`).concat([...problems.keys()].map((id) => `problem:${id}`)));
    const queue = [...seen];
    while (queue.length > 0) {
      for (const link of outgoing.get(queue.pop()!) ?? []) {
        if (!seen.has(key(link)) && exists(link)) {
          seen.add(key(link));
          queue.push(key(link));
        }
      }
    }
    expect([...terms.keys()].filter((id) => !seen.has(`term:${id}`))).toEqual([]);
    expect([...compares.keys()].filter((id) => !seen.has(`compare:${id}`))).toEqual([]);
  });
});
