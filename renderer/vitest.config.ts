import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'renderer',
    environment: 'jsdom',
    // jsdom would print every refused connection of the API-client tests (which provoke them on purpose) as an error.
    environmentOptions: { jsdom: { console: false } },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
  },
});
