import { defineConfig } from 'vitest/config';
import { sourcesOfEntries } from './vite.config';

/**
 * The test against a real evaluator and admin service, which the e2e module's BrowserSdkIT starts
 * and names in FLAGSTREAM_* variables; `npm test` leaves it out.
 */
export default defineConfig({
  resolve: { alias: sourcesOfEntries },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test-live/**/*.live.test.tsx'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
