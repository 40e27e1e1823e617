package dev.flagstream.admin.flag;

import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Flag;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lost-update protection (RFC 9110 §13.1.1): a write that names the versions it was based on in
 * {@code If-Match} goes ahead only if the flag is still at one of them.
 */
final class IfMatch {
  private IfMatch() {}

  /** The strong entity tag of a flag's version. */
  static String etag(Flag flag) {
    return "\"" + flag.version() + "\"";
  }

  /** Throws 412 unless the precondition holds for {@code current}; no header always holds. */
  static void check(@Nullable String header, Optional<Flag> current) {
    if (header == null || header.isBlank()) {
      return;
    }
    if (current.isEmpty()) {
      throw Problems.preconditionFailed("If-Match was given but the flag does not exist");
    }
    if (header.trim().equals("*")) {
      return;
    }
    String etag = etag(current.get());
    // Weak tags never match under the strong comparison If-Match requires.
    boolean matches = Arrays.stream(header.split(",")).map(String::trim).anyMatch(etag::equals);
    if (!matches) {
      throw Problems.preconditionFailed(
          "the flag changed since it was read: it is now at " + etag + ", not " + header.trim());
    }
  }
}
