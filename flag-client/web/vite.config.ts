/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The React and OpenFeature entries import the service entry by its package name, so that a page
// using several entries holds one copy of the service, and each entry's size is its own.
const external = ['react', 'react/jsx-runtime', '@openfeature/web-sdk', '@flagstream/web'];

/** Tests import the entries by their package names, as users do, and get the sources. */
export const sourcesOfEntries = [
  {
    find: /^@flagstream\/web$/,
    replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
  },
  {
    find: /^@flagstream\/web\/react$/,
    replacement: fileURLToPath(new URL('./src/react.tsx', import.meta.url)),
  },
  {
    find: /^@flagstream\/web\/openfeature$/,
    replacement: fileURLToPath(new URL('./src/openfeature.ts', import.meta.url)),
  },
];

export default defineConfig({
  build: {
    lib: {
      entry: { index: 'src/index.ts', react: 'src/react.tsx', openfeature: 'src/openfeature.ts' },
      formats: ['es', 'cjs'],
    },
    rollupOptions: { external },
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2020',
  },
  resolve: { alias: sourcesOfEntries },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
