/**
 * Words as the grader compares them: lower case, split on anything that is
 * not a letter or digit, and English plurals brought back to their singular,
 * so that "Inboxes" and "inbox", "Indexes" and "index", "Deliveries" and
 * "delivery" meet, while "Redis", "status" and "analysis" stay as they are.
 */

/** Plurals the rules below would get wrong, and words that only look plural. */
const IRREGULAR: Readonly<Record<string, string>> = {
  caches: 'cache',
  niches: 'niche',
  movies: 'movie',
  cookies: 'cookie',
  zombies: 'zombie',
  series: 'series',
  species: 'species',
  news: 'news',
  statuses: 'status',
  buses: 'bus',
  campuses: 'campus',
  bonuses: 'bonus',
  viruses: 'virus',
  aliases: 'alias',
  canvases: 'canvas',
  canvas: 'canvas',
  alias: 'alias',
  atlas: 'atlas',
  gas: 'gas',
  menus: 'menu',
  kudos: 'kudos',
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  mice: 'mouse',
  indices: 'index',
  vertices: 'vertex',
  matrices: 'matrix',
  data: 'data',
  media: 'media',
  criteria: 'criterion',
  analyses: 'analysis',
  bases: 'base',
  databases: 'database',
  leaves: 'leaf',
  shelves: 'shelf',
  halves: 'half',
  lives: 'life',
  knives: 'knife',
  wives: 'wife',
};

/** Singular words ending in "s" that no rule should shorten. */
const SINGULAR_ENDINGS = ['ss', 'us', 'is'];

/** The singular of an English word, in lower case. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || !w.endsWith('s')) return w;
  if (SINGULAR_ENDINGS.some((e) => w.endsWith(e))) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('oes') && w.length > 5) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** The words of a text, lower case and singular. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}

/** A phrase in its compared form: its words, singular, joined by one space. */
export function phraseKey(text: string): string {
  return wordsOf(text).join(' ');
}
