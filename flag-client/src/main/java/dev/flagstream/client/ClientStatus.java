package dev.flagstream.client;

/** How far a client's flags can be trusted. */
public enum ClientStatus {
  /** Still reading the flags for the first time; unknown flags give the caller's default. */
  STARTING,
  /** Holds every flag and receives changes as they are committed. */
  READY,
  /**
   * Holds flags but has lost its source of changes; it keeps serving what it has, and the values
   * may be as old as {@link FlagClient#dataAge()} says.
   */
  STALE,
  /** Could not read the flags within the start-up wait; serving defaults and still trying. */
  ERROR
}
