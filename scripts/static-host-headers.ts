/**
 * The response headers `public/_headers` declares for every path (`/*`), in
 * the format static hosts read (Netlify, Cloudflare Pages). `vite preview`
 * (so `npm start` and the browser tests) serves the same ones from this file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HEADERS_FILE = fileURLToPath(new URL('../public/_headers', import.meta.url));

export function staticHostHeaders(file = HEADERS_FILE): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
