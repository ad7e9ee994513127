import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { staticHostHeaders } from './scripts/static-host-headers.ts';
import { buildContentIndex } from './src/content/content-index.ts';
import { buildSearchDocuments } from './src/content/search-documents.ts';
import { buildSearchIndex } from './src/content/search-index.ts';

const GLOSSARY_DIR = fileURLToPath(new URL('./glossary', import.meta.url));
const PROBLEMS_DIR = fileURLToPath(new URL('./problems', import.meta.url));
/**
 * Modules built from glossary/ and problems/: `virtual:content-index` (names
 * and summaries of all content) and `virtual:search-index` (the full-text
 * search index, as JSON text, loaded on the first search).
 */
const VIRTUAL_MODULES: Record<string, () => string> = {
  'virtual:content-index': () => `export default ${JSON.stringify(buildContentIndex(GLOSSARY_DIR))};`,
  'virtual:search-index': () => `export default ${JSON.stringify(buildSearchIndex(buildSearchDocuments(GLOSSARY_DIR)))};`,
};

function contentIndex(): Plugin {
  return {
    name: 'skyline-content-index',
    resolveId: (id) => (id in VIRTUAL_MODULES ? `\0${id}` : null),
    load(id) {
      const build = id.startsWith('\0') ? VIRTUAL_MODULES[id.slice(1)] : undefined;
      if (!build) return null;
      this.addWatchFile(GLOSSARY_DIR);
      this.addWatchFile(PROBLEMS_DIR);
      return build();
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(GLOSSARY_DIR) || file.startsWith(PROBLEMS_DIR)) {
        for (const id of Object.keys(VIRTUAL_MODULES)) {
          const mod = server.moduleGraph.getModuleById(`\0${id}`);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
      }
    },
  };
}

/**
 * The Content-Security-Policy of the built app: scripts only from this site
 * (no inline or remote scripts, no eval), nothing fetched from elsewhere.
 * Styles may be inline because React Flow positions elements with style
 * attributes. Only added to the build: the dev server injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'skyline-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/** `vite preview` (and so `npm start` and the browser tests) sends those headers with every response, 404s included. */
function staticHostHeadersOnPreview(): Plugin {
  return {
    name: 'skyline-static-host-headers',
    configurePreviewServer(server) {
      const headers = staticHostHeaders();
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentIndex(), contentSecurityPolicy(), staticHostHeadersOnPreview()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
