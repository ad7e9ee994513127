/**
 * Splits a Markdown content file into its YAML front matter and its "## "
 * sections. Shared by every content type (terms, compare pages, hubs).
 */
import { load } from 'js-yaml';

export interface SplitFile {
  data: unknown;
  body: string;
  sections: Map<string, string>;
}

export type SplitResult = { ok: true; file: SplitFile } | { ok: false; message: string };

export function splitContentFile(text: string): SplitResult {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { ok: false, message: 'the file must start with front matter between two "---" lines' };
  let data: unknown;
  try {
    data = load(match[1] ?? '');
  } catch (error) {
    return { ok: false, message: `front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const body = match[2] ?? '';
  const sections = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (current !== null) sections.set(current, lines.join('\n').trim());
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1] ?? '';
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return { ok: true, file: { data, body, sections } };
}
