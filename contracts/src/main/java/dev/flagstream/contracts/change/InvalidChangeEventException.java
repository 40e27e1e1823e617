package dev.flagstream.contracts.change;

/** A record on the flag topic that is not a readable change event of a known schema version. */
public final class InvalidChangeEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidChangeEventException(String message, Throwable cause) {
    super(message, cause);
  }

  InvalidChangeEventException(String message) {
    super(message);
  }
}
