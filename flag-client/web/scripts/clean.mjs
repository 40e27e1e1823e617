// Removes the paths given, so that a build or a test report never mixes with an earlier one.
import { rmSync } from 'node:fs';

for (const path of process.argv.slice(2)) rmSync(path, { recursive: true, force: true });
