/**
 * How far the values a service holds can be trusted.
 *
 * - `starting`: no values yet; every flag answers its default.
 * - `ready`: the values are current: the stream is open, or is being opened after values arrived.
 * - `stale`: values are held but changes do not flow (the stream failed); the last values are
 *   served and refreshed by polling, and `dataAge` says how old they may be.
 * - `error`: no values, and the evaluator could not be reached; it keeps trying.
 */
export type FlagStatus = 'starting' | 'ready' | 'stale' | 'error';

/** A user's values of every flag at one revision of the evaluator, as it answers them. */
export interface FlagValuesAnswer {
  /** The revision of the evaluator's flags the values were computed at. */
  readonly revision: number;
  /** Every flag's value for the user, by flag name. A flag that is absent does not exist. */
  readonly values: Readonly<Record<string, boolean>>;
  /** Whether the revision token of the request was reached; absent when it named none. */
  readonly revisionReached?: boolean;
}

/**
 * Values rendered by the server, so that the first paint is right; typically an answer of
 * {@link fetchFlagValues} made while rendering, serialized into the page.
 */
export interface FlagBootstrap {
  readonly values: Readonly<Record<string, boolean>>;
  readonly revision: number;
}

/**
 * The part of the browser's `EventSource` the service uses, so that tests and Node can pass their
 * own. Events the service listens to: `open`, `error`, and the evaluator's `snapshot` and `flag`.
 */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/**
 * Called after anything the service holds changed, with the names of the flags whose value changed
 * (empty when only the status, the revision or the data age changed).
 */
export type FlagListener = (changedFlags: readonly string[]) => void;

/** What {@link createFeatureFlagService} needs. */
export interface FeatureFlagServiceOptions {
  /** The evaluator's base URL, e.g. `https://flags.example.com`. */
  readonly url: string;
  /** A client key of the evaluator: public by nature, it may ship in the page. */
  readonly clientKey: string;
  /** The user whose values to hold; absent for an anonymous visitor. */
  readonly userId?: string | null;
  /** Values rendered by the server: served at once, and the stream resumes from their revision. */
  readonly bootstrap?: FlagBootstrap;
  /** Whether to start at once (the default); else {@link FeatureFlagService.start} does. */
  readonly autoStart?: boolean;
  /** Milliseconds between polls while the stream is down; 60 000 by default. */
  readonly pollInterval?: number;
  /** Opens the stream; `new EventSource(url)` by default. */
  readonly eventSource?: (url: string) => EventSourceLike;
  /** Makes HTTP requests; the global `fetch` by default. */
  readonly fetch?: typeof fetch;
  /** A number in [0, 1), for the jitter of reconnects; `Math.random` by default. */
  readonly random?: () => number;
}

/**
 * A user's feature flags, held in memory and kept current over the evaluator's stream. Every read
 * is synchronous and never throws; a network failure keeps the last values and shows in
 * {@link status} and {@link dataAge}. Safe to use from any code of the page (single-threaded).
 */
export interface FeatureFlagService {
  /** The flag's value for the current user; `defaultValue` (false) when it holds no such flag. */
  isEnabled(name: string, defaultValue?: boolean): boolean;
  /** Every value held, by flag name; a new frozen object after each change. */
  values(): Readonly<Record<string, boolean>>;
  /** The revision at which the page received the flag's current value; undefined if none held. */
  revisionOf(name: string): number | undefined;
  /** See {@link FlagStatus}. */
  readonly status: FlagStatus;
  /** The evaluator's revision the values are at (the resume point); undefined before any value. */
  readonly revision: number | undefined;
  /**
   * Milliseconds since the values were last known current: 0 while the stream is open, growing
   * while it is down; undefined while no value is held.
   */
  readonly dataAge: number | undefined;
  /** The user whose values are held. */
  readonly userId: string | undefined;
  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: FlagListener): () => void;
  /**
   * Switches to another user: fetches their values and replaces the held ones in one step, then
   * streams theirs. Until it resolves the previous user's values stay, complete; if their values
   * cannot be fetched, no value is held (status `error`) until the stream delivers them. Never
   * rejects.
   */
  setUser(userId: string | null | undefined): Promise<void>;
  /**
   * Read your own writes: asks the evaluator for the user's values once it has applied the change
   * named by `token` (the admin service's `Flagstream-Revision` header; the evaluator waits up to
   * 2 s), and takes them. Resolves true when the held values include that change, false when the
   * evaluator did not get there in time or could not be reached. Never rejects.
   */
  awaitRevision(token: string): Promise<boolean>;
  /**
   * Opens the connection: fetches the values (unless some are held), then streams their changes.
   * Called on creation unless `autoStart` is false; after {@link close} it opens it again. Does
   * nothing while started, and nothing without `window`: during server-side rendering the service
   * only serves its bootstrap values.
   */
  start(): void;
  /** Closes the stream and stops every timer; the values stay readable. Idempotent. */
  close(): void;
}
