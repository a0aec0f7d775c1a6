import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare built-in names go in `paths` (exact match): as gitignore-style `patterns` they would also
// forbid any local module that happens to be called e.g. `lib/http` or `room/crypto`.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'worker_threads'];
const nodeModules = ['node:*', ...nodeBuiltins.map((name) => `${name}/*`)];
const nodeBuiltinPaths = (message) => nodeBuiltins.map((name) => ({ name, message }));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', 'test-results/**', 'playwright-report/**', '.data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build and orchestration scripts run under Node.
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Process boundaries, checked by the linter rather than by memory.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths(
            'The renderer and shared code never import Node or Electron modules: use the desktop bridge.',
          ),
          patterns: [
            {
              group: ['electron', 'electron/*', ...nodeModules],
              message: 'The renderer and shared code never import Node or Electron modules: use the desktop bridge.',
            },
            {
              group: ['**/server/**', '@meetai/server', '@meetai/server/*'],
              message: 'Only server/ imports server code.',
            },
            { group: ['**/electron/**', '@meetai/desktop'], message: 'Only electron/ imports electron code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths('The renderer never imports Node or Electron modules.'),
          patterns: [
            {
              group: ['mediasoup-client', 'mediasoup-client/*'],
              message: 'Components talk to the RoomClient, never to mediasoup-client.',
            },
            {
              group: ['electron', 'electron/*', ...nodeModules],
              message: 'The renderer never imports Node or Electron modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '@meetai/server', '**/renderer/**', '@meetai/renderer'],
              message: 'electron/ imports only shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '@meetai/renderer', '**/electron/**', '@meetai/desktop'],
              message: 'server/ imports only shared/.',
            },
          ],
        },
      ],
    },
  },
);
