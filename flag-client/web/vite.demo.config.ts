import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sourcesOfEntries } from './vite.config';

/**
 * The demo page (demo/), built as an application: `node node_modules/vite/bin/vite.js build
 * --config vite.demo.config.ts --outDir <folder>`. The e2e module's BrowserDemoIT builds and serves
 * it; the SDK's entries are its sources, as in the tests.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  base: './',
  resolve: { alias: sourcesOfEntries },
  build: { outDir: 'target/demo', emptyOutDir: true, target: 'es2020' },
  logLevel: 'warn',
});
