package dev.flagstream.smoke;

/** A check's finding: the message is what the summary prints. */
final class SmokeFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SmokeFailure(String message) {
    super(message, null, false, false);
  }

  static void check(boolean condition, String message, Object... arguments) {
    if (!condition) {
      throw new SmokeFailure(message.formatted(arguments));
    }
  }
}
