import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'worker_threads', 'stream']

/** The layer rules of ARCHITECTURE.md, enforced by import restrictions. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test/e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins], message: 'core/ and shared/ are pure: no electron, node or React.' },
            { group: ['**/backend/**', '**/main/**', '**/renderer/**', '**/web/**', '**/preload/**'], message: 'core/ and shared/ import only shared/ (and core/).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The backend never touches Electron: the web bridge and the command-line tools host it too.' }],
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/web/**', '**/preload/**', '**/cli/**'], message: 'The backend is hosted by main, web and cli; it imports none of them.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'better-sqlite3', ...nodeBuiltins], message: 'The renderer talks to the rest only through window.api.' },
            { group: ['**/backend/**', '**/main/**', '**/preload/**', '**/web/**'], message: 'The renderer cannot import backend, main, preload or web.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', 'better-sqlite3', ...nodeBuiltins], message: 'The preload imports only electron (and the contract).' }] }],
    },
  },
)
