import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layering (docs/decisions/001): app/ never touches the database directly, and
// the public verifier stays pure so the same code runs in a browser.
const noDbInApp = {
  patterns: [
    { group: ['@/lib/db', '@/lib/db/*', 'pg', '@prisma/*'], message: 'app/ calls lib/<domain>; only lib/ talks to the database.' },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'lib/db/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'bench/results/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (default exports are for Next.js special files).' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', noDbInApp], 'no-restricted-syntax': 'off' },
  },
  {
    files: ['lib/verify/**/*.ts'],
    ignores: ['lib/verify/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!@noble/|\\.{1,2}/).*', message: 'lib/verify imports only @noble/* and its own files.' }] }],
    },
  },
  {
    files: ['*.config.{js,mjs,ts}', 'next.config.js', 'postcss.config.mjs', 'eslint.config.mjs', 'prisma.config.ts', 'playwright.config.ts', 'vitest.config.mts'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
]);
