import { retryDelay } from './backoff.js';
import { baseOf, fetchFlagValues } from './evaluator.js';
import type {
  EventSourceLike,
  FeatureFlagService,
  FeatureFlagServiceOptions,
  FlagListener,
  FlagStatus,
  FlagValuesAnswer,
} from './types.js';
import { FlagValues, flagEventOf, snapshotOf } from './values.js';

type Timer = ReturnType<typeof setTimeout>;

/**
 * Creates the service for one user and starts it: fetches the user's values in one request, then
 * streams their changes from the evaluator (`GET /api/flags/stream`), resuming from the revision
 * held. A stream that fails is reopened after a growing, jittered delay; while it is down the values
 * are polled every `pollInterval`. With `bootstrap` the values are there at once and the fetch is
 * skipped. With `autoStart: false` it waits for {@link FeatureFlagService.start}.
 */
export function createFeatureFlagService(options: FeatureFlagServiceOptions): FeatureFlagService {
  const base = baseOf(options.url);
  const random = options.random ?? Math.random;
  const pollInterval = options.pollInterval ?? 60_000;
  const openStream =
    options.eventSource ??
    (typeof EventSource === 'undefined' ? undefined : (url: string) => new EventSource(url));
  const listeners = new Set<FlagListener>();
  let values = new FlagValues();
  let userId = options.userId ?? undefined;
  // Bumped by setUser and close: answers and events of an earlier generation are dropped.
  let generation = 0;
  let source: EventSourceLike | undefined;
  let streamOpen = false;
  let streamFailed = false;
  let fetchFailed = false;
  let attempts = 0;
  let freshAt: number | undefined;
  let reconnect: Timer | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let closed = true;

  const status = (): FlagStatus =>
    values.revision === undefined
      ? streamFailed || fetchFailed
        ? 'error'
        : 'starting'
      : streamFailed
        ? 'stale'
        : 'ready';

  const notify = (changed: readonly string[]) => listeners.forEach((listener) => listener(changed));

  const take = (answer: FlagValuesAnswer) => {
    fetchFailed = false;
    freshAt = Date.now();
    notify(values.snapshot(answer.revision, answer.values));
  };

  /** Fetches the current user's values and takes them; undefined when failed or superseded. */
  const load = async (token?: string): Promise<FlagValuesAnswer | undefined> => {
    const at = generation;
    try {
      const answer = await fetchFlagValues({
        url: base,
        clientKey: options.clientKey,
        userId,
        revisionToken: token,
        fetch: options.fetch,
      });
      if (at !== generation) return undefined;
      take(answer);
      return answer;
    } catch {
      if (at === generation) {
        fetchFailed = true;
        notify([]);
      }
      return undefined;
    }
  };

  const stopPolling = () => {
    clearInterval(poll);
    poll = undefined;
  };

  const startPolling = () => {
    poll ??= setInterval(() => void load(), pollInterval);
  };

  const disconnect = () => {
    source?.close();
    source = undefined;
    streamOpen = false;
    clearTimeout(reconnect);
    stopPolling();
  };

  const connect = () => {
    if (closed) return;
    if (!openStream) {
      streamFailed = true; // no streaming here at all: polling is all there is
      startPolling();
      notify([]);
      return;
    }
    const query = new URLSearchParams({ key: options.clientKey });
    if (userId !== undefined) query.set('userId', userId);
    if (values.revision !== undefined) query.set('lastEventId', String(values.revision));
    const stream = openStream(`${base}/api/flags/stream?${query}`);
    source = stream;
    const on = (type: string, handle: (data: unknown) => void) =>
      stream.addEventListener(type, (event) => {
        if (source === stream) handle(event.data);
      });
    on('open', () => {
      streamOpen = true;
      streamFailed = false;
      attempts = 0;
      stopPolling();
      notify([]);
    });
    on('snapshot', (data) => {
      const snapshot = snapshotOf(data);
      if (snapshot) notify(values.snapshot(snapshot.revision, snapshot.values));
    });
    on('flag', (data) => {
      const event = flagEventOf(data);
      if (event) notify(values.flag(event.flag, event.value, event.exists, event.revision));
    });
    on('error', () => {
      // The browser would reconnect by itself, at its own pace and without the revision held:
      // close and reconnect here instead, with backoff, resuming from that revision.
      stream.close();
      source = undefined;
      if (streamOpen) freshAt = Date.now();
      streamOpen = false;
      streamFailed = true;
      startPolling();
      reconnect = setTimeout(connect, retryDelay(attempts++, random));
      notify([]);
    });
  };

  const service: FeatureFlagService = {
    isEnabled: (name, defaultValue = false) => values.value(name) ?? defaultValue,
    values: () => values.values(),
    revisionOf: (name) => values.since(name),
    get status() {
      return status();
    },
    get revision() {
      return values.revision;
    },
    get dataAge() {
      if (values.revision === undefined) return undefined;
      return streamOpen ? 0 : Date.now() - (freshAt ?? Date.now());
    },
    get userId() {
      return userId;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async setUser(next) {
      const at = ++generation;
      const id = next ?? undefined;
      disconnect();
      const answer = await fetchFlagValues({
        url: base,
        clientKey: options.clientKey,
        userId: id,
        fetch: options.fetch,
      }).catch(() => undefined);
      if (at !== generation) return;
      userId = id;
      streamFailed = false;
      fetchFailed = !answer;
      freshAt = answer ? Date.now() : undefined;
      notify(answer ? values.replace(answer.revision, answer.values) : values.clear());
      connect();
    },
    async awaitRevision(token) {
      return (await load(token))?.revisionReached === true;
    },
    start() {
      if (!closed || typeof window === 'undefined') return;
      closed = false;
      const at = ++generation;
      if (values.revision !== undefined) return connect();
      void load().then(() => at === generation && connect());
    },
    close() {
      closed = true;
      generation++;
      disconnect();
    },
  };

  if (options.bootstrap) {
    values.snapshot(options.bootstrap.revision, options.bootstrap.values);
    freshAt = Date.now();
  }
  if (options.autoStart !== false) service.start();
  return service;
}
