package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Violation;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

  @Test
  void emails_areComparedWithoutCaseOrSurroundingSpace() {
    assertThat(Emails.normalize("  Ada@Example.COM ")).isEqualTo("ada@example.com");
    assertThat(Emails.check("ada@example.com")).isEmpty();
    assertThat(Emails.check("ada")).isPresent();
    assertThat(Emails.check("a@")).isPresent();
    assertThat(Emails.check("a b@example.com")).isPresent();
    assertThat(Emails.check("a@" + "x".repeat(260))).isPresent();
  }

  @Test
  void emails_ofThreeTo254Characters_areAccepted() {
    assertThat(Emails.check("a@b")).isEmpty();
    assertThat(Emails.check("a@" + "x".repeat(252))).isEmpty();
    assertThat(Emails.check("a@" + "x".repeat(253)))
        .contains(new Violation("email", "must be an email address such as ada@example.com"));
  }

  @Test
  void passwords_needTwelveToAThousandCharacters_andMustNotBeTheEmail() {
    assertThat(Passwords.check("x".repeat(12), "a@example.com")).isEmpty();
    assertThat(Passwords.check("x".repeat(11), "a@example.com")).isPresent();
    assertThat(Passwords.check("x".repeat(1024), "a@example.com")).isEmpty();
    assertThat(Passwords.check("x".repeat(1025), "a@example.com")).isPresent();
    assertThat(Passwords.check("🔑".repeat(12), "a@example.com"))
        .as("counted in characters")
        .isEmpty();
    assertThat(Passwords.check("Long@Example.com", "long@example.com")).isPresent();
  }
}
