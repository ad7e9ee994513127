import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the plain React Flow reference page that `npm run bench` compares the canvas with. */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: '../../node_modules/.cache/bench-reference', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
