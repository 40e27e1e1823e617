package dev.flagstream.evaluator.access;

/** What an SDK key may do; see {@link SdkKeys}. */
public enum KeyKind {
  /** For services: every evaluation, and flag definitions. */
  SERVER,
  /** For browsers, public by nature: values only, never definitions. */
  CLIENT,
  /** For monitoring: health details and metrics, nothing else. */
  METRICS
}
