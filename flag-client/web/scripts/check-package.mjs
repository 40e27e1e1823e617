// Checks the package as users get it: every entry of package.json's exports resolves, by the
// package's own name, from ES modules and from CommonJS, exports what it should, and has types.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const require = createRequire(import.meta.url);
const expected = {
  '.': ['createFeatureFlagService', 'fetchFlagValues'],
  './react': ['FlagstreamProvider', 'useFeatureFlag', 'useFlag', 'useFeatureFlagService'],
  './openfeature': ['FlagstreamWebProvider'],
};
const problems = [];
for (const [entry, names] of Object.entries(expected)) {
  const target = manifest.exports[entry];
  const name = manifest.name + entry.slice(1);
  if (!target) {
    problems.push(`${entry} is not exported`);
    continue;
  }
  for (const types of [target.import.types, target.require.types]) {
    if (!existsSync(new URL(`../${types}`, import.meta.url))) problems.push(`${name}: no ${types}`);
  }
  const loaded = { import: await import(name), require: require(name) };
  for (const [how, module] of Object.entries(loaded)) {
    const missing = names.filter((exported) => typeof module[exported] !== 'function');
    if (missing.length) problems.push(`${name} (${how}) lacks ${missing.join(', ')}`);
  }
}
if (problems.length) {
  console.error(`package: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `package: ${Object.keys(expected).length} entries resolve from ES modules and CommonJS, with types`,
);
