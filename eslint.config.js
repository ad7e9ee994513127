// Lint: typescript-eslint, React hooks, and the module boundaries that keep
// the pure core pure and the features independent of one another.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'zundo', '@xyflow/*', '@tanstack/*', 'react-router', 'lucide-react'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public', '.local'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Only the canvas feature talks to React Flow.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/canvas/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@xyflow/*'], message: 'Only src/features/canvas imports @xyflow/react.' }] }],
    },
  },
  {
    // The pure core: diagram model, rules, rubric, persistence, interview clock.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: 'src/domain is the pure core: no UI libraries.' },
            { group: ['**/stores/*', '**/features/*', '**/app/*', '**/components/*', '**/content/*'], message: 'src/domain imports only itself and zod.' },
            { group: ['node:*'], message: 'src/domain runs in the browser too: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    // Tests of the core may read fixtures from disk, but still use no UI library.
    files: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: UI_LIBRARIES, message: 'src/domain is the pure core: no UI libraries.' }] }],
    },
  },
  // Features do not import each other; the app composes them.
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...features
              .filter((other) => other !== feature)
              .map((other) => ({ group: [`**/features/${other}/**`, `**/features/${other}`], message: `Feature "${feature}" must not import feature "${other}"; compose them in src/app.` })),
            ...(feature === 'canvas' ? [] : [{ group: ['@xyflow/*'], message: 'Only src/features/canvas imports @xyflow/react.' }]),
            { group: ['**/app/*'], message: 'Features do not import the app shell.' },
          ],
        },
      ],
    },
  })),
);
