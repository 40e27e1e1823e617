package dev.flagstream.client;

/**
 * How far a client's flags can be trusted. Whatever the status, evaluation serves what the client
 * holds, and the caller's default for flags it does not hold.
 */
public enum ClientStatus {
  /** Still reading the flags for the first time; unknown flags give the caller's default. */
  STARTING,
  /**
   * Holds every flag and receives changes as they are committed: the topic is read up to its end,
   * the brokers answer and, where the capture publishes heartbeats, they keep arriving. Without
   * Kafka: the last snapshot refresh succeeded.
   */
  READY,
  /**
   * Holds flags but its source of changes is not flowing (the brokers do not answer, no heartbeat
   * arrives, the reader is starting over after a failure, or, without Kafka, the snapshot refresh
   * fails); it keeps serving what it has, refreshes from the snapshot more often, and the values
   * may be as old as {@link FlagClient#dataAge()} says. It recovers by itself.
   */
  STALE,
  /**
   * Cannot serve current data and is not recovering by itself, or never got ready: it holds no flag
   * after the start-up wait (serving defaults and still trying), or its topic reader ended for good
   * (an {@link Error}; the client keeps its flags and snapshot refreshes, and stays in ERROR until
   * closed: restart it).
   */
  ERROR
}
