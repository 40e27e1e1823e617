import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The test against a real evaluator and admin service, which the e2e module's BrowserSdkIT starts
 * and names in FLAGSTREAM_* variables; `npm test` leaves it out.
 */
export default defineConfig({
  resolve: {
    alias: { '@flagstream/web': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test-live/**/*.live.test.tsx'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
