package dev.flagstream.evaluator.system;

import org.jspecify.annotations.Nullable;

/** The one rule for user ids, on every endpoint that takes one. */
public final class UserIds {
  /** The longest user id accepted, in characters. */
  public static final int MAX_LENGTH = 256;

  private UserIds() {}

  /**
   * Returns {@code userId} when it is acceptable: none, or at most {@value #MAX_LENGTH} characters.
   *
   * @throws org.springframework.web.ErrorResponseException a 400 naming {@code userId} otherwise
   */
  public static @Nullable String checked(@Nullable String userId) {
    if (userId != null && userId.length() > MAX_LENGTH) {
      throw Problems.invalid("userId", "must be at most " + MAX_LENGTH + " characters");
    }
    return userId;
  }
}
