// Prints Vitest's result as one plain line, "vitest: N passed, N failed", which build logs and CI
// read; Vitest's own summary is meant for people. A second argument names the run instead of "vitest".
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const label = process.argv[3] ?? 'vitest';
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
    (skipped ? `, ${skipped} skipped` : ''),
);
process.exitCode = report.success ? 0 : 1;
