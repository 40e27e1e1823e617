package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Users, roles and the two-factor requirement, for admins only. */
class ConsoleUsersIT extends AdminServiceIntegration {
  @AfterEach
  void requireNothing() {
    jdbc.sql("UPDATE two_factor_requirement SET required_roles = '{}'").update();
  }

  @Test
  void admin_addsAUserThenMakesThemAnEditor() {
    ConsoleBrowser console =
        ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
    console.open("/settings/users");
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    Response added =
        console.submit(
            "/settings/users",
            "email",
            email,
            "password",
            "a long passphrase for the new one",
            "role",
            "VIEWER");
    assertThat(added.status()).isEqualTo(302);
    JsonNode user =
        admin
            .get("/api/admin/users")
            .json()
            .valueStream()
            .filter(u -> u.get("email").asString().equals(email))
            .findFirst()
            .orElseThrow();
    assertThat(user.get("role").asString()).isEqualTo("VIEWER");
    console.open("/settings/users");
    Response changed =
        console.submit("/settings/users/" + user.get("id").asString() + "/role", "role", "EDITOR");

    assertThat(changed.status()).isEqualTo(302);
    assertThat(
            admin
                .get("/api/admin/users/" + user.get("id").asString())
                .json()
                .get("role")
                .asString())
        .isEqualTo("EDITOR");
  }

  @Test
  void admin_requiresTwoFactorForARole() {
    ConsoleBrowser console =
        ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
    console.open("/settings/users");

    console.submit("/settings/users/two-factor", "required", "EDITOR");

    assertThat(admin.get("/api/admin/two-factor").json().get("requiredForRoles").get(0).asString())
        .isEqualTo("EDITOR");
  }

  @Test
  void editor_mayNeitherSeeNorChangeUsers() {
    ConsoleBrowser editor =
        ConsoleBrowser.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD);
    String settings = editor.open("/settings");

    assertThat(settings).doesNotContain("Manage users and roles");
    assertThat(editor.get("/settings/users").status()).isEqualTo(403);
    Response forged =
        unchanged(
            () ->
                editor.submit(
                    "/settings/users",
                    "email",
                    "x@example.com",
                    "password",
                    "a long passphrase x",
                    "role",
                    "ADMIN"));
    assertThat(forged.status()).isEqualTo(403);
  }
}
