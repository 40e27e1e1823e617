// CommonJS users get declarations of their own (.d.cts): TypeScript reads a .d.ts of this package
// ("type": "module") as an ES module, which a CommonJS file may not require.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const types = new URL('../dist/types/', import.meta.url);
for (const file of readdirSync(types).filter((name) => name.endsWith('.d.ts'))) {
  const text = readFileSync(new URL(file, types), 'utf8').replace(
    /(from '\.\/[\w-]+)\.js'/g,
    "$1.cjs'",
  );
  writeFileSync(new URL(file.replace(/\.d\.ts$/, '.d.cts'), types), text);
}
