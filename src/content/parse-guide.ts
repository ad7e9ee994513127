import { ComparePage, Hub, HUB_SECTIONS } from '../domain/glossary/guide.ts';
import { splitContentFile } from './front-matter.ts';

export type GuideResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`);
}

/** Counts the body rows of the first Markdown table in a section. */
export function tableShape(markdown: string): { header: string[]; rows: number } | null {
  const lines = markdown.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('|'));
  if (lines.length < 3) return null;
  const cells = (line: string) => line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  return { header: cells(lines[0]!), rows: lines.length - 2 };
}

export function parseCompareFile(text: string): GuideResult<ComparePage> {
  const split = splitContentFile(text);
  if (!split.ok) return { ok: false, problems: [split.message] };
  const { data, sections } = split.file;
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const options = Array.isArray(raw.options) ? (raw.options as { label?: unknown }[]) : [];
  const problems: string[] = [];
  const choose = options.map((o) => {
    const label = typeof o.label === 'string' ? o.label : '';
    return { label, text: sections.get(`Choose ${label} when`) ?? '' };
  });
  const expected = new Set(['Comparison', 'In practice', ...choose.map((c) => `Choose ${c.label} when`)]);
  for (const heading of sections.keys()) if (!expected.has(heading)) problems.push(`unexpected section "## ${heading}"`);
  const result = ComparePage.safeParse({ ...raw, comparison: sections.get('Comparison') ?? '', inPractice: sections.get('In practice') ?? '', choose });
  if (!result.success) problems.push(...issues(result.error));
  if (result.success) {
    const table = tableShape(result.data.comparison);
    if (!table) problems.push('"Comparison" must contain a Markdown table');
    else {
      if (table.rows < 6) problems.push(`the comparison table has ${table.rows} rows; it needs at least 6 dimensions`);
      for (const o of result.data.options) if (!table.header.includes(o.label)) problems.push(`the comparison table has no "${o.label}" column`);
    }
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, value: result.data };
}

export function parseHubFile(text: string): GuideResult<Hub> {
  const split = splitContentFile(text);
  if (!split.ok) return { ok: false, problems: [split.message] };
  const { data, sections } = split.file;
  const problems: string[] = [];
  const known = new Set<string>(HUB_SECTIONS.map(([h]) => h));
  for (const heading of sections.keys()) if (!known.has(heading)) problems.push(`unexpected section "## ${heading}"`);
  const fields = Object.fromEntries(HUB_SECTIONS.map(([heading, key]) => [key, sections.get(heading) ?? '']));
  const result = Hub.safeParse({ ...(typeof data === 'object' && data !== null ? data : {}), sections: fields });
  if (!result.success) problems.push(...issues(result.error));
  if (result.success) {
    if (!tableShape(result.data.sections.tradeOffs)) problems.push('"Trade-offs" must contain a Markdown table');
    if (!/^### /m.test(result.data.sections.faq)) problems.push('"FAQ" must hold questions as "### " headings');
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, value: result.data };
}
