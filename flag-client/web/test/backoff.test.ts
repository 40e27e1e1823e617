import { expect, it } from 'vitest';
import { retryDelay } from '../src/backoff';

it('doubles the ceiling from 1 s at each attempt, up to 60 s', () => {
  const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 50].map((attempt) =>
    retryDelay(attempt, () => 0.999999),
  );
  expect(ceilings.map(Math.round)).toEqual([
    1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
  ]);
});

it('never waits less than half the ceiling, whatever the jitter', () => {
  expect([0, 3, 9].map((attempt) => retryDelay(attempt, () => 0))).toEqual([500, 4_000, 30_000]);
});

it('spreads waits across the upper half of the ceiling', () => {
  expect(retryDelay(2, () => 0.5)).toBe(3_000);
});
