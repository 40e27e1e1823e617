package dev.flagstream.admin.account;

import dev.flagstream.contracts.flag.Violation;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as account names: compared without regard to case or surrounding space. */
final class Emails {
  private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  private Emails() {}

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  static Optional<Violation> check(String normalized) {
    if (normalized.length() < 3
        || normalized.length() > 254
        || !PLAUSIBLE.matcher(normalized).matches()) {
      return Optional.of(
          new Violation("email", "must be an email address such as ada@example.com"));
    }
    return Optional.empty();
  }
}
