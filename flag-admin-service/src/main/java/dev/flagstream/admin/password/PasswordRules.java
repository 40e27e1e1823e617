package dev.flagstream.admin.password;

import dev.flagstream.contracts.flag.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable, after ASVS 5.0 chapter V6: 12 to 1024 characters (counted as
 * Unicode code points, nothing truncated), any characters and no composition rules; not one of the
 * passwords people use most, neither as it is nor dressed up (in another case, with digits or
 * symbols before or after it, in leetspeak such as {@code p@ssw0rd}, or repeated), nor a short
 * piece repeated; and not the account's email, the email's local part or the product's name,
 * dressed up or not.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class PasswordRules {
  /** The fewest characters a password may have. */
  public static final int MIN_LENGTH = 12;

  /** The most characters a password may have; Argon2 hashes any length, this only bounds work. */
  public static final int MAX_LENGTH = 1024;

  /** A piece shorter than this is no secret, however often it is repeated. */
  static final int SHORTEST_REPEATED = 4;

  private static final String PRODUCT = "flagstream";

  private final Set<String> common;

  /**
   * @param common passwords refused however they are dressed up, in lower case
   */
  PasswordRules(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** The rules with the common passwords shipped in the service (read once, on first use). */
  public static PasswordRules standard() {
    return Standard.RULES;
  }

  /**
   * Why {@code password} may not be the password of the account with {@code email}, if it may not;
   * the violation names {@code field}. Never says which common password it resembles.
   */
  public Optional<Violation> check(String field, String password, String email) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(new Violation(field, "must be at least " + MIN_LENGTH + " characters"));
    }
    if (length > MAX_LENGTH) {
      return Optional.of(new Violation(field, "must be at most " + MAX_LENGTH + " characters"));
    }
    Set<String> forms = Dressing.forms(password);
    List<String> pieces =
        forms.stream().map(Dressing::repeatedPiece).flatMap(Optional::stream).toList();
    Set<String> guesses = new HashSet<>(forms);
    guesses.addAll(pieces);
    String account = email.strip().toLowerCase(Locale.ROOT);
    String localPart = account.substring(0, Math.max(0, account.lastIndexOf('@')));
    if (guesses.contains(account) || guesses.contains(localPart)) {
      return Optional.of(new Violation(field, "must not be built on the email address"));
    }
    if (guesses.stream().anyMatch(guess -> common.contains(guess) || guess.equals(PRODUCT))
        || pieces.stream().anyMatch(PasswordRules::isShort)) {
      return Optional.of(
          new Violation(field, "is too easy to guess: it is, or is built on, a common password"));
    }
    return Optional.empty();
  }

  private static boolean isShort(String piece) {
    return piece.codePointCount(0, piece.length()) < SHORTEST_REPEATED;
  }

  private static final class Standard {
    static final PasswordRules RULES = new PasswordRules(CommonPasswords.shipped());
  }
}
