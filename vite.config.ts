import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { buildContentIndex } from './src/content/content-index.ts';

const GLOSSARY_DIR = fileURLToPath(new URL('./glossary', import.meta.url));
const PROBLEMS_DIR = fileURLToPath(new URL('./problems', import.meta.url));
const INDEX_ID = 'virtual:content-index';

/** Serves `virtual:content-index`: names and summaries of all glossary content, built from glossary/. */
function contentIndex(): Plugin {
  return {
    name: 'skyline-content-index',
    resolveId: (id) => (id === INDEX_ID ? `\0${INDEX_ID}` : null),
    load(id) {
      if (id !== `\0${INDEX_ID}`) return null;
      this.addWatchFile(GLOSSARY_DIR);
      this.addWatchFile(PROBLEMS_DIR);
      return `export default ${JSON.stringify(buildContentIndex(GLOSSARY_DIR))};`;
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(GLOSSARY_DIR) || file.startsWith(PROBLEMS_DIR)) {
        const mod = server.moduleGraph.getModuleById(`\0${INDEX_ID}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
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

export default defineConfig({
  plugins: [react(), tailwindcss(), contentIndex(), contentSecurityPolicy()],
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
