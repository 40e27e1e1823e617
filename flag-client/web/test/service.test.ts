import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './fixtures/fake-evaluator';
import { CLIENT_KEY, serviceUnderTest } from './fixtures/service';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A service that fetched {a: true, b: false} at revision 10 and whose stream opened. */
async function readyService(options: Parameters<typeof serviceUnderTest>[0] = {}) {
  const harness = serviceUnderTest(options);
  await harness.evaluator.next().answer({ a: true, b: false }, 10);
  harness.streams.last.open();
  return harness;
}

describe('initial load', () => {
  it('fetches the user’s values in one request, then streams from their revision', async () => {
    const { service, evaluator, streams } = serviceUnderTest();
    expect(service.status).toBe('starting');
    expect(streams.opened).toHaveLength(0);

    const request = evaluator.next();
    expect(request.request.method).toBe('POST');
    expect(request.request.url.pathname).toBe('/api/evaluations/values');
    expect(request.request.authorization).toBe(`Bearer ${CLIENT_KEY}`);
    expect(request.request.body).toEqual({ userId: 'u-1' });
    await request.answer({ a: true, b: false }, 10);

    expect(service.isEnabled('a')).toBe(true);
    expect(service.isEnabled('b', true)).toBe(false);
    expect(service.values()).toEqual({ a: true, b: false });
    expect(service.status).toBe('ready');
    expect(service.revision).toBe(10);
    expect(streams.opened).toHaveLength(1);
    const stream = streams.last;
    expect(new URL(stream.url).pathname).toBe('/api/flags/stream');
    expect(stream.param('key')).toBe(CLIENT_KEY);
    expect(stream.param('userId')).toBe('u-1');
    expect(stream.param('lastEventId')).toBe('10');
  });

  it('fetches and streams an anonymous visitor without a user id', async () => {
    const { evaluator, streams } = serviceUnderTest({ userId: null });
    const request = evaluator.next();
    expect(request.request.body).toEqual({});
    await request.answer({ a: true }, 3);
    expect(streams.last.param('userId')).toBeNull();
  });

  it('answers every flag’s default until values arrive', () => {
    const { service } = serviceUnderTest();
    expect(service.isEnabled('a')).toBe(false);
    expect(service.isEnabled('a', true)).toBe(true);
    expect(service.revision).toBeUndefined();
    expect(service.dataAge).toBeUndefined();
  });

  it('answers the default for a flag that does not exist, false unless another is given', async () => {
    const { service } = await readyService();
    expect(service.isEnabled('no-such-flag')).toBe(false);
    expect(service.isEnabled('no-such-flag', true)).toBe(true);
    expect(service.revisionOf('no-such-flag')).toBeUndefined();
  });
});

describe('live updates', () => {
  it('takes a flag event at once and tells listeners which flag changed', async () => {
    const { service, streams } = await readyService();
    const heard: (readonly string[])[] = [];
    service.subscribe((changed) => heard.push(changed));

    streams.last.flag('a', false, 11);

    expect(service.isEnabled('a', true)).toBe(false);
    expect(service.revision).toBe(11);
    expect(service.revisionOf('a')).toBe(11);
    expect(service.revisionOf('b')).toBe(10);
    expect(heard).toEqual([['a']]);
  });

  it('replaces every value with a snapshot from the stream', async () => {
    const { service, streams } = await readyService();
    streams.last.snapshot(12, { c: true });
    expect(service.values()).toEqual({ c: true });
  });

  it('stops hearing a listener once it unsubscribed', async () => {
    const { service, streams } = await readyService();
    const listener = vi.fn();
    const unsubscribe = service.subscribe(listener);
    unsubscribe();
    streams.last.flag('a', false, 11);
    expect(listener).not.toHaveBeenCalled();
  });

  it('counts data as current while the stream is open, and its age from when the stream dropped', async () => {
    const { service, streams } = await readyService();
    vi.advanceTimersByTime(5_000);
    expect(service.dataAge).toBe(0);

    streams.last.fail();
    vi.advanceTimersByTime(250);

    expect(service.dataAge).toBe(250);
  });
});

describe('resume and backoff', () => {
  it('reconnects after a dropped stream, resuming from the revision held', async () => {
    const { service, streams } = await readyService();
    const first = streams.last;
    first.flag('a', false, 14);

    first.fail();
    expect(first.closed).toBe(true);
    expect(service.status).toBe('stale');
    vi.advanceTimersByTime(500);

    expect(streams.opened).toHaveLength(2);
    const resumed = streams.last;
    expect(resumed.param('lastEventId')).toBe('14');
    resumed.open().flag('b', true, 17);
    expect(service.values()).toEqual({ a: false, b: true });
    expect(service.status).toBe('ready');
  });

  it('waits a ceiling doubling from 1 s to 60 s between attempts, at least half of it', async () => {
    const { streams } = await readyService();
    // random() is 0: each wait is exactly half its ceiling.
    const expectedWaits = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    for (const wait of expectedWaits) {
      const opened = streams.opened.length;
      streams.last.fail();
      vi.advanceTimersByTime(wait - 1);
      expect(streams.opened, `still waiting before ${wait} ms`).toHaveLength(opened);
      vi.advanceTimersByTime(1);
      expect(streams.opened, `reconnected at ${wait} ms`).toHaveLength(opened + 1);
    }
  });

  it('spreads reconnects over the upper half of the ceiling with jitter', async () => {
    const { streams } = await readyService({ random: () => 0.999 });
    streams.last.fail();
    vi.advanceTimersByTime(998);
    expect(streams.opened).toHaveLength(1);
    vi.advanceTimersByTime(2);
    expect(streams.opened).toHaveLength(2);
  });

  it('starts the backoff over once a stream opened', async () => {
    const { streams } = await readyService();
    streams.last.fail();
    vi.advanceTimersByTime(500);
    streams.last.fail();
    vi.advanceTimersByTime(1_000);
    streams.last.open().fail();

    vi.advanceTimersByTime(500);

    expect(streams.opened).toHaveLength(4);
  });

  it('ignores what a stream it closed still delivers', async () => {
    const { service, streams } = await readyService();
    const first = streams.last;
    first.fail();
    first.closed = false; // a browser that delivered one more event after close
    first.flag('a', false, 20);
    expect(service.isEnabled('a')).toBe(true);
  });
});

describe('polling fallback', () => {
  it('polls the values every 60 s while the stream is down', async () => {
    const { service, evaluator, streams } = await readyService();
    streams.last.fail();
    vi.advanceTimersByTime(500); // the reconnect hangs, as behind a proxy that holds streams

    vi.advanceTimersByTime(59_499);
    expect(evaluator.waiting).toBe(0);
    vi.advanceTimersByTime(1);
    expect(evaluator.waiting).toBe(1);
    await evaluator.next().answer({ a: false, b: false }, 30);

    expect(service.isEnabled('a', true)).toBe(false);
    expect(service.dataAge).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(evaluator.waiting).toBe(1);
  });

  it('stops polling once a stream opens again', async () => {
    const { evaluator, streams } = await readyService();
    streams.last.fail();
    vi.advanceTimersByTime(500);
    streams.last.open();
    vi.advanceTimersByTime(180_000);
    expect(evaluator.waiting).toBe(0);
  });

  it('only polls where the browser has no EventSource at all', async () => {
    const { service, evaluator } = serviceUnderTest({ eventSource: undefined });
    expect(globalThis.EventSource).toBeUndefined(); // jsdom has none
    await evaluator.next().answer({ a: true }, 10);
    expect(service.status).toBe('stale');
    vi.advanceTimersByTime(60_000);
    await evaluator.next().answer({ a: false }, 11);
    expect(service.isEnabled('a', true)).toBe(false);
  });
});

describe('network failures keep the values', () => {
  it('keeps the last values through a dropped stream and failed polls, and says so', async () => {
    const { service, evaluator, streams } = await readyService();
    streams.last.flag('a', false, 11);
    streams.last.fail();
    vi.advanceTimersByTime(60_000);
    await evaluator.next().breakConnection();
    vi.advanceTimersByTime(60_000);
    await evaluator.next().refuse(503);

    expect(service.values()).toEqual({ a: false, b: false });
    expect(service.status).toBe('stale');
    expect(service.dataAge).toBe(120_000);
  });

  it('is in error when the first fetch fails, until the stream delivers values', async () => {
    const { service, evaluator, streams } = serviceUnderTest();
    await evaluator.next().breakConnection();
    expect(service.status).toBe('error');
    expect(service.isEnabled('a', true)).toBe(true);

    expect(streams.last.param('lastEventId')).toBeNull();
    streams.last.open().snapshot(12, { a: false });

    expect(service.status).toBe('ready');
    expect(service.isEnabled('a', true)).toBe(false);
  });

  it('takes an evaluator that refuses the fetch for a failure too', async () => {
    const { service, evaluator } = serviceUnderTest();
    await evaluator.next().refuse(401);
    expect(service.status).toBe('error');
  });
});

describe('switching users', () => {
  it('keeps the previous user’s values, complete, until the new user’s replace them in one step', async () => {
    const { service, evaluator, streams } = await readyService();
    const seen: Record<string, boolean>[] = [];
    service.subscribe(() => seen.push({ ...service.values() }));
    const oldStream = streams.last;

    const switched = service.setUser('u-2');
    expect(oldStream.closed).toBe(true);
    expect(service.values()).toEqual({ a: true, b: false });
    const request = evaluator.next();
    expect(request.request.body).toEqual({ userId: 'u-2' });
    await request.answer({ a: false, c: true }, 40);
    await switched;

    expect(service.userId).toBe('u-2');
    expect(service.values()).toEqual({ a: false, c: true });
    expect(seen).toEqual([{ a: false, c: true }]);
    expect(streams.last.param('userId')).toBe('u-2');
    expect(streams.last.param('lastEventId')).toBe('40');
  });

  it('never mixes in an event of the previous user’s stream', async () => {
    const { service, evaluator, streams } = await readyService();
    const oldStream = streams.last;
    const switched = service.setUser('u-2');
    oldStream.closed = false; // it still delivers
    oldStream.flag('b', true, 50);
    await evaluator.next().answer({ a: false }, 40);
    await switched;
    oldStream.flag('d', true, 60);

    expect(service.values()).toEqual({ a: false });
  });

  it('holds no value of the previous user when the new user’s cannot be fetched', async () => {
    const { service, evaluator, streams } = await readyService();
    const switched = service.setUser('u-2');
    await evaluator.next().breakConnection();
    await switched;

    expect(service.values()).toEqual({});
    expect(service.status).toBe('error');
    expect(streams.last.param('userId')).toBe('u-2');
    expect(streams.last.param('lastEventId')).toBeNull();
  });

  it('lets the last of two quick switches win', async () => {
    const { service, evaluator } = await readyService();
    const toSecond = service.setUser('u-2');
    const toThird = service.setUser('u-3');
    const second = evaluator.next();
    await evaluator.next().answer({ third: true }, 41);
    await second.answer({ second: true }, 42);
    await Promise.all([toSecond, toThird]);

    expect(service.userId).toBe('u-3');
    expect(service.values()).toEqual({ third: true });
  });
});

describe('bootstrap', () => {
  it('serves server-rendered values at once, fetches nothing, and resumes the stream from their revision', async () => {
    const { service, evaluator, streams } = serviceUnderTest({
      bootstrap: { values: { a: true }, revision: 7 },
    });

    expect(service.isEnabled('a')).toBe(true);
    expect(service.status).toBe('ready');
    expect(evaluator.waiting).toBe(0);
    expect(streams.last.param('lastEventId')).toBe('7');
    streams.last.open().flag('a', false, 8);
    expect(service.isEnabled('a', true)).toBe(false);
  });
});

describe('read your writes', () => {
  it('asks for the values once the token’s change is applied, and takes them', async () => {
    const { service, evaluator } = await readyService();
    const reached = service.awaitRevision('new-checkout@42');
    const request = evaluator.next();
    expect(request.request.url.searchParams.get('minRevision')).toBe('new-checkout@42');
    await request.answer({ a: true, b: false, 'new-checkout': true }, 90, true);

    await expect(reached).resolves.toBe(true);
    expect(service.isEnabled('new-checkout')).toBe(true);
  });

  it('resolves false when the evaluator did not get there in time, or cannot be reached', async () => {
    const { service, evaluator } = await readyService();
    const late = service.awaitRevision('a@99');
    await evaluator.next().answer({ a: true }, 11, false);
    await expect(late).resolves.toBe(false);

    const unreachable = service.awaitRevision('a@99');
    await evaluator.next().breakConnection();
    await expect(unreachable).resolves.toBe(false);
    expect(service.isEnabled('a')).toBe(true);
  });
});

describe('close and start', () => {
  it('closes the stream and stops every timer, leaving the values readable', async () => {
    const { service, streams } = await readyService();
    streams.last.fail();
    service.close();

    expect(streams.last.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(service.isEnabled('a')).toBe(true);
  });

  it('drops an answer that arrives after close', async () => {
    const { service, evaluator, streams } = serviceUnderTest();
    service.close();
    await evaluator.next().answer({ a: true }, 5);
    await settle();
    expect(service.isEnabled('a')).toBe(false);
    expect(streams.opened).toHaveLength(0);
  });

  it('opens again on start after close, resuming from the revision held', async () => {
    const { service, streams } = await readyService();
    service.close();
    service.start();
    service.start();
    expect(streams.opened).toHaveLength(2);
    expect(streams.last.param('lastEventId')).toBe('10');
  });

  it('waits for start when created with autoStart false', () => {
    const { service, evaluator } = serviceUnderTest({ autoStart: false });
    expect(evaluator.waiting).toBe(0);
    service.start();
    expect(evaluator.waiting).toBe(1);
  });
});
