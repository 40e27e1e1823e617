import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const web = (path: string) => here(`../../${path}`);

// The React entry's own tests, run on React 18. Those tests live in the package, whose install has
// React 19; every React module they or Testing Library import is pointed at this install instead.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@flagstream\/web$/, replacement: web('src/index.ts') },
      { find: /^@flagstream\/web\/react$/, replacement: web('src/react.tsx') },
      { find: /^react$/, replacement: here('node_modules/react/index.js') },
      { find: /^react\/(.*)$/, replacement: here('node_modules/react/$1.js') },
      { find: /^react-dom$/, replacement: here('node_modules/react-dom/index.js') },
      { find: /^react-dom\/(.*)$/, replacement: here('node_modules/react-dom/$1.js') },
      {
        find: /^@testing-library\/react$/,
        replacement: here('node_modules/@testing-library/react/dist/index.js'),
      },
    ],
  },
  server: { fs: { allow: [web('.')] } },
  test: {
    dir: web('.'),
    include: ['test/react.test.tsx', 'compat/react18/*.test.ts'],
    environment: 'jsdom',
    globals: true,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
