import { defineConfig } from 'vitest/config';

/** One project per side, so each runs in its own environment. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', environment: 'node', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: './server',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      './renderer/vitest.config.ts',
      { test: { name: 'electron', root: './electron', environment: 'node', include: ['src/**/*.test.ts'] } },
      // Checks on the repository's own tooling (the lint boundaries).
      { test: { name: 'scripts', root: './scripts', environment: 'node', include: ['**/*.test.ts'] } },
    ],
  },
});
