import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare built-in names go in `paths` (exact match): as gitignore-style `patterns` they would also
// forbid any local module that happens to be called e.g. `lib/http` or `room/crypto`.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'worker_threads'];
const nodeModules = ['node:*', ...nodeBuiltins.map((name) => `${name}/*`)];
const nodeBuiltinPaths = (message) => nodeBuiltins.map((name) => ({ name, message }));

const rendererNodeMessage =
  'The renderer and shared code never import Node or Electron modules: use the desktop bridge.';
const rendererPaths = nodeBuiltinPaths(rendererNodeMessage);
const rendererPatterns = [
  { group: ['electron', 'electron/*', ...nodeModules], message: rendererNodeMessage },
  { group: ['**/server/**', '@meetai/server', '@meetai/server/*'], message: 'Only server/ imports server code.' },
  { group: ['**/electron/**', '@meetai/desktop'], message: 'Only electron/ imports electron code.' },
];

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
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }] },
  },
  {
    // A later block's options replace an earlier block's for the same rule, so components repeat the renderer's bans.
    files: ['renderer/src/**/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...rendererPatterns,
            {
              group: ['mediasoup-client', 'mediasoup-client/*', '**/room/signaling-client'],
              message: 'Components talk to the RoomClient, never to mediasoup-client or the signaling client.',
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
    // Electron's main process: Node and the main-process API; it has no page, so no page globals.
    files: ['electron/src/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location'].map((name) => ({
          name,
          message: 'The main process has no page; the renderer owns the DOM.',
        })),
      ],
    },
  },
  {
    // The preload runs sandboxed in the page's process: it can require only `electron`, so it imports
    // nothing else but shared/ code (which esbuild bundles in), and uses no Node globals.
    files: ['electron/src/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths('A sandboxed preload cannot load Node modules.'),
          patterns: [
            {
              regex: '^(?!electron$|@meetai/shared(/|$))',
              message: 'The sandboxed preload imports only electron and @meetai/shared.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map(
          (name) => ({ name, message: 'A sandboxed preload has no Node globals.' }),
        ),
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
