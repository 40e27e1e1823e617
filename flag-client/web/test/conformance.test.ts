/**
 * The conformance suite's value-stream cases (contracts/spec, the files every SDK runs), fed
 * through the service as the evaluator would feed it: stream events through its EventSource,
 * answers through its fetch, drops through a failing stream.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './fixtures/fake-evaluator';
import { serviceUnderTest } from './fixtures/service';

const SPEC = join(dirname(fileURLToPath(import.meta.url)), '../../../contracts/spec');

type Step =
  | { event: string; id: string; data?: unknown; rawData?: string }
  | { answer: { revision: number; values: Record<string, { value: boolean }> } }
  | { resume: { expectedLastEventId: string | null } };

interface ValueStreamCase {
  id: string;
  description: string;
  steps: Step[];
  expectedValues: Record<string, boolean>;
  expectedRevision: number;
  expectedChanged: string[][];
}

const read = <T>(path: string): T => JSON.parse(readFileSync(join(SPEC, path), 'utf8')) as T;
const index = read<{ specVersion: string; files: { path: string; kind: string; cases: number }[] }>(
  'index.json',
);
const files = index.files.filter((file) => file.kind === 'value-stream');

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

it('finds the value-stream files of a spec version it reads', () => {
  expect(index.specVersion).toMatch(/^1\./);
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('$path', ({ path, cases: count }) => {
  const cases = read<{ cases: ValueStreamCase[] }>(path).cases;

  it('holds as many cases as the index says', () => {
    expect(cases).toHaveLength(count);
  });

  it.each(cases)('$id: $description', async (c) => {
    const { service, evaluator, streams } = serviceUnderTest();
    await evaluator.next().breakConnection(); // a consumer that holds nothing, with a stream
    let stream = streams.last.open();
    const changed: string[][] = [];
    service.subscribe((names) => changed[changed.length - 1]?.push(...names));

    for (const step of c.steps) {
      changed.push([]);
      if ('resume' in step) {
        stream.fail();
        await vi.runOnlyPendingTimersAsync();
        stream = streams.last;
        expect(stream.param('lastEventId')).toBe(step.resume.expectedLastEventId);
        stream.open();
      } else if ('answer' in step) {
        const reached = service.awaitRevision('any@1');
        await evaluator
          .next()
          .answer(
            Object.fromEntries(
              Object.entries(step.answer.values).map(([name, result]) => [name, result.value]),
            ),
            step.answer.revision,
          );
        await reached;
      } else {
        stream.emit(step.event, step.rawData ?? JSON.stringify(step.data), step.id);
      }
    }
    await settle();

    expect(service.values()).toEqual(c.expectedValues);
    expect(service.revision).toBe(c.expectedRevision);
    expect(changed.map((names) => [...new Set(names)].sort())).toEqual(
      c.expectedChanged.map((names) => [...names].sort()),
    );
  });
});
