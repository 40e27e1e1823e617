package dev.flagstream.contracts.internal;

/** JSON text that is malformed, or well formed but not what its schema describes. */
public final class InvalidJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidJsonException(String message) {
    super(message);
  }
}
