/**
 * Compare pages and learning hubs: Markdown files with front matter under
 * glossary/compare/ and glossary/hubs/ (see docs/content.md).
 */
import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

export const CompareOption = z.object({ term: Id, label: nonEmpty('option label') });

export const ComparePage = z.object({
  id: Id,
  title: nonEmpty('title'),
  summary: nonEmpty('summary').max(240),
  options: z.array(CompareOption).min(2, 'compare at least two options').max(4),
  related: z.array(Id).default([]),
  comparison: nonEmpty('"Comparison" section'),
  choose: z.array(z.object({ label: z.string(), text: nonEmpty('"Choose … when" section') })),
  inPractice: nonEmpty('"In practice" section'),
});
export type ComparePage = z.infer<typeof ComparePage>;

export const HUB_SECTIONS = [
  ['What it is', 'whatItIs'],
  ['When to use it', 'whenToUse'],
  ['Why it matters', 'whyItMatters'],
  ['Core concepts', 'coreConcepts'],
  ['Trade-offs', 'tradeOffs'],
  ['Common mistakes', 'commonMistakes'],
  ['Implementation playbook', 'playbook'],
  ['Practice path', 'practicePath'],
  ['FAQ', 'faq'],
] as const;

export const Hub = z.object({
  id: Id,
  title: nonEmpty('title'),
  summary: nonEmpty('summary').max(240),
  /** Core concept term ids, in reading order. */
  terms: z.array(Id).min(5, 'list at least five core terms'),
  compare: z.array(Id).default([]),
  sections: z.object(
    Object.fromEntries(HUB_SECTIONS.map(([heading, key]) => [key, nonEmpty(`"${heading}" section`)])) as Record<
      (typeof HUB_SECTIONS)[number][1],
      z.ZodString
    >,
  ),
});
export type Hub = z.infer<typeof Hub>;
