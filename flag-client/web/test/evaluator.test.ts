import { describe, expect, it } from 'vitest';
import { answerOf } from '../src/evaluator';

describe('the values answer', () => {
  it('reads values alone, as POST /api/evaluations/values answers them', () => {
    expect(answerOf({ userId: 'u', revision: 7, values: { a: true, b: false } })).toEqual({
      revision: 7,
      values: { a: true, b: false },
    });
  });

  it('reads whole evaluations too, as POST /api/evaluations answers them', () => {
    const whole = { flag: 'a', value: true, reason: 'FULL_ROLLOUT', version: 3, revision: 7 };
    expect(answerOf({ revision: 7, values: { a: whole }, revisionReached: true })).toEqual({
      revision: 7,
      values: { a: true },
      revisionReached: true,
    });
  });

  it('leaves out anything that is not a value, and refuses what is no answer', () => {
    expect(answerOf({ revision: 7, values: { a: 'yes', b: { value: 1 }, c: false } })).toEqual({
      revision: 7,
      values: { c: false },
    });
    expect(answerOf({ values: { a: true } })).toBeUndefined();
    expect(answerOf({ revision: 7, values: [true] })).toBeUndefined();
    expect(answerOf(null)).toBeUndefined();
  });
});
