package dev.flagstream.admin.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Violation;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password rules of ASVS 5.0 V6, with a small list of common passwords of the test's own. */
class PasswordRulesTest {
  private static final String EMAIL = "ada.lovelace@example.com";
  private static final String TOO_COMMON =
      "is too easy to guess: it is, or is built on, a common password";
  private static final PasswordRules RULES =
      new PasswordRules(Set.of("password", "dragon", "iloveyou", "admin", "1qaz2wsx3edc"));

  private static Optional<Violation> check(String password) {
    return RULES.check("newPassword", password, EMAIL);
  }

  @Test
  void length_isTwelveToATousandAndTwentyFourCharacters_countedAsCodePoints() {
    assertThat(check("x7Gq-mw2a9Lp")).isEmpty();
    assertThat(check("x7Gq-mw2a9L"))
        .contains(new Violation("newPassword", "must be at least 12 characters"));
    assertThat(check("kq" + "x".repeat(1020) + "zw")).isEmpty();
    assertThat(check("kq" + "x".repeat(1021) + "zw"))
        .contains(new Violation("newPassword", "must be at most 1024 characters"));
    assertThat(check("🔑🌊🎲🧭🪁🦉🍋🚲🎻🧩🌵🪐"))
        .as("twelve characters, 24 UTF-16 units")
        .isEmpty();
    assertThat(check("🔑🌊🎲🧭🪁🦉🍋🚲🎻🧩🌵"))
        .as("eleven characters, 22 UTF-16 units")
        .contains(new Violation("newPassword", "must be at least 12 characters"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "all lower case letters and spaces",
        "ONLYCAPITALSHERE",
        "839274615029",
        "correct-horse-battery-staple",
        "dragonfly over the old mill"
      })
  void anyComposition_isAccepted_whenLongAndUncommon(String password) {
    assertThat(check(password)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1qaz2wsx3edc", // common as it is
        "1QAZ2WSX3EDC", // in another case
        "password2024", // digits after
        "2024password", // digits before
        "!!password!!", // symbols around
        "123dragon!!!",
        "P@ssw0rd2024", // leetspeak, then digits
        "@dmin1234567", // a leet letter first, digits after
        "iloveyouiloveyou", // repeated
        "dragondragon",
        "4dm1n4dm1n4dm1n", // leetspeak, repeated
        "Flagstream2024!" // the product's name
      })
  void commonPasswords_areRefused_asTheyAreAndDressedUp(String password) {
    assertThat(check(password)).contains(new Violation("newPassword", TOO_COMMON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "!?!?!?!?!?!?", "xyzxyzxyz!!!"})
  void aShortPieceRepeated_isRefused(String password) {
    assertThat(check(password)).contains(new Violation("newPassword", TOO_COMMON));
  }

  @Test
  void aPieceOfFourOrMoreRepeated_isJudgedAsThatPiece() {
    assertThat(check("abcdabcdabcd")).isEmpty();
    assertThat(check("kite-kite-kite-")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada.lovelace@example.com",
        "Ada.Lovelace@Example.COM",
        "ada.lovelace1815",
        "1815ada.lovelace!",
        "ada.lovelaceada.lovelace"
      })
  void theEmail_orItsLocalPart_dressedUpOrNot_isRefused(String password) {
    assertThat(check(password))
        .contains(new Violation("newPassword", "must not be built on the email address"));
  }

  @Test
  void anEmailWithoutLocalPart_isStillRefusedWhole() {
    assertThat(RULES.check("password", "@example.com", "@example.com"))
        .contains(new Violation("password", "must not be built on the email address"));
    assertThat(RULES.check("password", "example.com-and-more", "@example.com")).isEmpty();
    assertThat(RULES.check("password", "localadmin2024", "localadmin"))
        .as("a name without @ is refused whole")
        .contains(new Violation("password", "must not be built on the email address"));
    assertThat(RULES.check("password", "long-enough-passphrase", "")).isEmpty();
  }

  @Test
  void aPasswordHoldingACommonOneInside_isJudgedWhole() {
    assertThat(check("my password is long and mine")).isEmpty();
    assertThat(check("the-dragon-sleeps")).isEmpty();
  }

  @Test
  void theShippedRules_refuseTheMostCommonPasswords_andAcceptAPassphrase() {
    PasswordRules shipped = PasswordRules.standard();
    assertThat(shipped).isSameAs(PasswordRules.standard());
    assertThat(shipped.check("password", "qwertyuiop123", "a@example.com")).isPresent();
    assertThat(shipped.check("password", "Baseball2024!", "a@example.com")).isPresent();
    assertThat(shipped.check("password", "123456789qwerty", "a@example.com")).isPresent();
    assertThat(shipped.check("password", "correct-horse-battery-staple", "a@example.com"))
        .isEmpty();
  }
}
