/**
 * A glossary term as Skyline uses it. Terms are written as Markdown files with
 * front matter under glossary/terms/ (see docs/content.md); the content loader
 * turns each file into this shape and validates it.
 */
import { z } from 'zod';
import { ID_PATTERN } from '../diagram/schema.ts';
import { KIND_IDS } from '../diagram/catalog.ts';

export const TERM_CATEGORIES = [
  { id: 'architecture', label: 'Architecture styles' },
  { id: 'organisation', label: 'Teams and domains' },
  { id: 'delivery', label: 'Delivery and operations' },
  { id: 'communication', label: 'Communication' },
  { id: 'apis', label: 'APIs and gateways' },
  { id: 'data', label: 'Data management' },
  { id: 'resilience', label: 'Resilience' },
  { id: 'observability', label: 'Observability' },
  { id: 'scaling', label: 'Scaling and caching' },
  { id: 'networking', label: 'Networking and edge' },
  { id: 'security', label: 'Security' },
] as const;

export type TermCategory = (typeof TERM_CATEGORIES)[number]['id'];
const CATEGORY_IDS = TERM_CATEGORIES.map((c) => c.id) as unknown as readonly [TermCategory, ...TermCategory[]];

const TermId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** A small design that opens on the canvas: nodes by id, then links between them. */
export const ExampleDesign = z.object({
  title: nonEmpty('example title'),
  nodes: z.record(
    z.string().regex(ID_PATTERN),
    z.union([z.enum(KIND_IDS), z.tuple([z.enum(KIND_IDS), z.string().min(1)])]),
  ),
  links: z.array(z.tuple([z.string(), z.string()])).default([]),
});

export const Reading = z.object({
  title: nonEmpty('reading title'),
  url: z.url({ protocol: /^https$/ }),
});

export const Term = z.object({
  id: TermId,
  term: nonEmpty('term'),
  aliases: z.array(nonEmpty('alias')).default([]),
  category: z.enum(CATEGORY_IDS),
  definition: nonEmpty('definition').max(240, 'definition must be one line of at most 240 characters'),
  related: z.array(TermId).min(1, 'related must list at least one term'),
  reading: z.array(Reading).min(1, 'reading must list at least one public source'),
  exampleDesign: ExampleDesign.optional(),
  sections: z.object({
    explanation: nonEmpty('"Explanation" section'),
    whenToUse: nonEmpty('"When to use" section'),
    whenNotToUse: nonEmpty('"When not to use" section'),
    tradeOffs: nonEmpty('"Trade-offs" section'),
    commonMistakes: nonEmpty('"Common mistakes" section'),
    example: nonEmpty('"Example" section'),
  }),
});

export type Term = z.infer<typeof Term>;
export type ExampleDesign = z.infer<typeof ExampleDesign>;

/** The headings a term file must have, in order, and the field each fills. */
export const TERM_SECTIONS = [
  ['Explanation', 'explanation'],
  ['When to use', 'whenToUse'],
  ['When not to use', 'whenNotToUse'],
  ['Trade-offs', 'tradeOffs'],
  ['Common mistakes', 'commonMistakes'],
  ['Example', 'example'],
] as const;
