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
  void passwords_followThePasswordRules_namingTheFieldGiven() {
    assertThat(Passwords.check("password", "m0untain-tr41l", "a@example.com")).isEmpty();
    assertThat(Passwords.check("password", "m0untain-tr4", "a@example.com")).isEmpty();
    assertThat(Passwords.check("password", "m0untain-tr", "a@example.com"))
        .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("password"));
    assertThat(Passwords.check("newPassword", "Long@Example.com", "long@example.com"))
        .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("newPassword"));
    assertThat(Passwords.check("password", "sunshine2024!", "a@example.com"))
        .as("a common password dressed up")
        .isPresent();
  }
}
