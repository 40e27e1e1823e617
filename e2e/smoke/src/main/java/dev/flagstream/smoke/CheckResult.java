package dev.flagstream.smoke;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one smoke check.
 *
 * @param group what the check belongs to: {@code api}, {@code pages} or {@code canary}
 * @param name what it checks, in words
 * @param took how long it ran
 * @param failure why it failed, in words a person on call can act on; null when it passed
 */
public record CheckResult(String group, String name, Duration took, @Nullable String failure) {
  public boolean passed() {
    return failure == null;
  }
}
