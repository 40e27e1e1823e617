package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One user's page, for admins: their sessions ended, their account deleted, each as the API does
 * it; refused to everyone else and to forms without the page's CSRF token.
 */
class ConsoleUserPageIT extends AdminServiceIntegration {
  private static final Pattern END =
      Pattern.compile("action=\"(/settings/users/[^/\"]+/sessions/[^/\"]+/end)\"");

  private record Person(String id, String email) {
    String page() {
      return "/settings/users/" + id;
    }
  }

  private Person newUser(String role) {
    String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Response created =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\""
                + role
                + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Person(created.json().get("id").asString(), email);
  }

  private ConsoleBrowser signedIn(Person person) {
    return ConsoleBrowser.signedIn(port, person.email(), TestAccounts.PASSWORD);
  }

  private ConsoleBrowser adminConsole() {
    return ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
  }

  /** The audit entries about {@code person}, oldest first: action, actor, before and after. */
  private List<Map<String, Object>> audited(Person person) {
    return jdbc.sql(
            "SELECT action, actor_email, target_type, before::text AS before, after::text AS after"
                + " FROM audit_log WHERE target = ? ORDER BY id")
        .param(person.id())
        .query()
        .listOfRows();
  }

  private long sessionsOf(Person person) {
    return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
        .param(person.id())
        .query(Long.class)
        .single();
  }

  @Test
  void delete_asksForTheEmailTyped_thenDeletesAndEndsTheirSessions_auditedAsTheApiDoes() {
    Person person = newUser("EDITOR");
    ConsoleBrowser theirs = signedIn(person);
    ConsoleBrowser console = adminConsole();
    console.open(person.page());
    String delete = person.page() + "/delete";

    Response asked = unchanged(() -> console.submit(delete));
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("data-testid=\"confirm-delete\"", "Delete " + person.email());
    Response mistyped = unchanged(() -> console.submit(delete, "confirm", "someone@example.com"));
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.body()).contains("Type the user&#39;s email exactly to confirm.");
    Response deleted = console.submit(delete, "confirm", person.email());

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(302);
    assertThat(deleted.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/settings/users?deleted"));
    problem(admin.get("/api/admin/users/" + person.id()), 404);
    assertThat(theirs.get("/flags").status()).as("signed out").isEqualTo(302);
    assertThat(sessionsOf(person)).isZero();
    assertThat(audited(person))
        .filteredOn(entry -> entry.get("action").equals("USER_DELETED"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry)
                  .containsEntry("action", "USER_DELETED")
                  .containsEntry("actor_email", TestAccounts.ADMIN_EMAIL)
                  .containsEntry("target_type", "USER")
                  .containsEntry("after", null);
              assertThat((String) entry.get("before")).contains(person.email(), "EDITOR");
            });
    assertThat(console.get(person.page()).status()).isEqualTo(404);
  }

  @Test
  void delete_ownAccount_isRefusedEvenWithAnotherAdmin_andChangesNothing() {
    Person another = newUser("ADMIN");
    try {
      String adminId = admin.get("/api/auth/me").json().get("id").asString();
      Person me = new Person(adminId, TestAccounts.ADMIN_EMAIL);
      ConsoleBrowser console = adminConsole();
      String page = console.open(me.page());
      assertThat(page)
          .contains("You cannot delete your own account")
          .doesNotContain("Delete this user");

      Response forced =
          unchanged(() -> console.submit(me.page() + "/delete", "confirm", me.email()));

      assertThat(forced.status()).isEqualTo(409);
      assertThat(forced.body())
          .contains("role=\"alert\">You cannot delete your own account; another admin can.<");
      assertThat(console.get("/flags").status()).as("still signed in").isEqualTo(200);
    } finally {
      // other tests count on one admin
      jdbc.sql("DELETE FROM users WHERE id = CAST(? AS uuid)").param(another.id()).update();
    }
  }

  @Test
  void sessions_adminSeesAUsersSessions_endsOneThenAllOthers_auditedAsTheApiDoes() {
    Person person = newUser("VIEWER");
    List<ConsoleBrowser> theirs = List.of(signedIn(person), signedIn(person));
    ConsoleBrowser console = adminConsole();
    String page = console.open(person.page());
    List<String> ends = END.matcher(page).results().map(m -> m.group(1)).toList();
    assertThat(ends).hasSize(2);

    assertThat(console.submit(ends.get(0)).status()).isEqualTo(302);

    assertThat(theirs.stream().filter(b -> b.get("/flags").status() == 302))
        .as("exactly one of their browsers was signed out")
        .hasSize(1);
    assertThat(END.matcher(console.open(person.page())).results().count()).isEqualTo(1);
    assertThat(console.submit(person.page() + "/sessions/end-all").status()).isEqualTo(302);
    assertThat(theirs).allSatisfy(b -> assertThat(b.get("/flags").status()).isEqualTo(302));
    assertThat(sessionsOf(person)).isZero();
    assertThat(console.open(person.page())).contains("Not signed in anywhere.");
    List<Map<String, Object>> revocations =
        audited(person).stream()
            .filter(
                e -> List.of("SESSION_REVOKED", "OTHER_SESSIONS_REVOKED").contains(e.get("action")))
            .toList();
    assertThat(revocations.stream().map(e -> e.get("action")))
        .containsExactly("SESSION_REVOKED", "OTHER_SESSIONS_REVOKED");
    assertThat(revocations)
        .allSatisfy(
            e ->
                assertThat(e)
                    .containsEntry("actor_email", TestAccounts.ADMIN_EMAIL)
                    .containsEntry("target_type", "USER"));
    assertThat(revocations.get(0).get("before").toString()).contains("\"clientAddress\"");
    assertThat(revocations.get(1).get("after").toString()).isEqualTo("{\"revoked\": 1}");
  }

  @Test
  void nonAdmins_areRefusedEverything_changeNothingAndSeeNothingOfTheUser() {
    Person person = newUser("VIEWER");
    ConsoleBrowser theirs = signedIn(person);
    String handle =
        admin
            .get("/api/admin/users/" + person.id() + "/sessions")
            .json()
            .get(0)
            .get("id")
            .asString();
    for (String email : List.of(TestAccounts.EDITOR_EMAIL, TestAccounts.VIEWER_EMAIL)) {
      ConsoleBrowser other = ConsoleBrowser.signedIn(port, email, TestAccounts.PASSWORD);
      Response page = other.get(person.page());
      assertThat(page.status()).isEqualTo(403);
      assertThat(page.body()).doesNotContain(person.email(), handle);
      for (List<String> write :
          List.of(
              List.of(person.page() + "/delete", "confirm", person.email()),
              List.of(person.page() + "/sessions/" + handle + "/end"),
              List.of(person.page() + "/sessions/end-all"),
              List.of(person.page() + "/two-factor/reset", "confirm", "true"))) {
        other.open("/settings"); // a page with the CSRF token: the refusal has none
        String[] fields = write.subList(1, write.size()).toArray(String[]::new);
        Response refused = unchanged(() -> other.submit(write.get(0), fields));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body()).contains("Your role may not do this.").doesNotContain(handle);
      }
    }
    assertThat(new ConsoleBrowser(port).get(person.page()).status())
        .as("anonymous: to the sign-in page")
        .isEqualTo(302);
    assertThat(theirs.get("/flags").status()).as("still signed in").isEqualTo(200);
    assertThat(sessionsOf(person)).isEqualTo(1);
  }

  @Test
  void adminWrites_withoutTheCsrfToken_areRefusedAndChangeNothing() {
    Person person = newUser("VIEWER");
    ConsoleBrowser theirs = signedIn(person);
    String handle =
        admin
            .get("/api/admin/users/" + person.id() + "/sessions")
            .json()
            .get(0)
            .get("id")
            .asString();
    ConsoleBrowser console = adminConsole();
    console.open(person.page());

    for (Response forged :
        List.of(
            unchanged(() -> console.forge(person.page() + "/delete", "confirm", person.email())),
            unchanged(() -> console.forge(person.page() + "/sessions/" + handle + "/end")),
            unchanged(() -> console.forge(person.page() + "/sessions/end-all")),
            unchanged(
                () -> console.forge(person.page() + "/two-factor/reset", "confirm", "true")))) {
      assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
      assertThat(forged.body()).contains("did not come from this console");
    }

    assertThat(theirs.get("/flags").status()).as("still signed in").isEqualTo(200);
    assertThat(sessionsOf(person)).isEqualTo(1);
  }
}
