const FIRST_DELAY = 1_000;
const LONGEST_DELAY = 60_000;

/**
 * Milliseconds to wait before reconnect attempt `attempt` (0 for the first): a ceiling that doubles
 * from 1 s up to 60 s, of which a random upper half, so that pages which lost the same evaluator at
 * once come back spread out, yet never sooner than half the ceiling.
 */
export function retryDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(LONGEST_DELAY, FIRST_DELAY * 2 ** Math.min(attempt, 16));
  return ceiling / 2 + (random() * ceiling) / 2;
}
