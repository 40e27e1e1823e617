package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Browser;
import dev.flagstream.admin.fixtures.Browser.Hop;
import dev.flagstream.admin.fixtures.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in through a real OpenID Connect provider, hop by hop as a browser does: roles from the
 * groups claim, users created at their first sign-in, refusals, and signing out of both.
 */
class SingleSignOnIT extends SsoIntegration {

  @Test
  void signIn_adminGroup_startsAnAdminSessionLikeAPasswordSignIn_withPkceStateAndNonce() {
    String name = someone("ada");
    String email = name + "@idp.example";
    provider.person(name, email, "flagstream-admins", "unrelated-group");
    Browser browser = new Browser();

    SignIn signIn = signIn(browser, name);

    Map<String, List<String>> authorization = query(signIn.start().next().orElseThrow());
    assertThat(authorization.get("code_challenge_method")).containsExactly("S256");
    assertThat(authorization).containsKeys("code_challenge", "state", "nonce");
    assertThat(authorization.get("redirect_uri")).containsExactly(adminUri(CALLBACK).toString());
    String started = setCookie(signIn.start().response(), "FLAGSTREAM_SSO");
    assertThat(started).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

    Response callback = signIn.callback().response();
    assertThat(callback.status()).as(callback.toString()).isEqualTo(302);
    assertThat(callback.header("Location"))
        .as("on to flags.sso.after-login-url")
        .hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
    assertThat(setCookie(callback, "FLAGSTREAM_SSO")).as("used once").contains("Max-Age=0");
    assertThat(setCookie(callback, "FLAGSTREAM_SESSION"))
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");

    JsonNode me = me(browser);
    assertThat(me.get("email").asString()).isEqualTo(email);
    assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    assertThat(me.get("authenticatedBy").asString()).isEqualTo("SSO");
    String id = me.get("id").asString();
    assertThat(userId(email)).contains(id);
    assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", id))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM sso_identities WHERE issuer = ? AND subject = ? AND"
                    + " user_id = ?::uuid",
                provider.issuer(),
                name,
                id))
        .isEqualTo(1);
    assertThat(browser.fetch("GET", adminUri("/api/admin/users"), null).status())
        .as("an admin's session reaches admin calls")
        .isEqualTo(200);
    Response sessions = browser.fetch("GET", adminUri("/api/auth/sessions"), null);
    assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
    JsonNode listed = jsonOf(sessions.body());
    assertThat(listed.size()).as("listed like a password sign-in's session").isEqualTo(1);
    assertThat(listed.get(0).get("current").asBoolean()).isTrue();
    assertThat(listed.get(0).get("userAgent").asString()).isEqualTo(Browser.USER_AGENT);
    assertThat(listed.get(0).get("clientAddress").asString()).isNotBlank();

    List<Map<String, Object>> audit = audit();
    assertThat(audit)
        .extracting(row -> row.get("action"))
        .containsExactly("USER_PROVISIONED", "LOGIN_SSO_SUCCEEDED");
    assertThat(audit).allSatisfy(row -> assertThat(row.get("actor_id")).isEqualTo(id));
    assertThat(audit).allSatisfy(row -> assertThat(row.get("target")).isEqualTo(id));
    JsonNode login = jsonOf(audit.get(1).get("after"));
    assertThat(login.get("method").asString()).isEqualTo("sso");
    assertThat(login.get("issuer").asString()).isEqualTo(provider.issuer());
    assertThat(login.get("role").asString()).isEqualTo("ADMIN");
    assertThat(login.get("userAgent").asString()).isEqualTo(Browser.USER_AGENT);
    assertThat(login.get("sourceAddress").asString()).isNotBlank();
    assertThat(jsonOf(audit.get(0).get("after")).get("subject").asString()).isEqualTo(name);
  }

  @Test
  void signIn_editorGroups_giveTheHighestMappedRole_andTheSessionWritesWithItsCsrfToken() {
    String name = someone("grace");
    provider.person(name, name + "@idp.example", "flagstream-viewers", "release-managers");
    Browser browser = new Browser();
    assertThat(signIn(browser, name).callback().response().status()).isEqualTo(302);

    assertThat(me(browser).get("role").asString()).isEqualTo("EDITOR");
    assertThat(browser.fetch("GET", adminUri("/api/auth/csrf"), null).status()).isEqualTo(204);
    String csrf = browser.cookie(adminUri("/"), "XSRF-TOKEN").orElseThrow();
    Response created =
        browser.fetch(
            "POST", adminUri("/api/admin/flags"), "{\"name\":\"from-sso\"}", "X-XSRF-TOKEN", csrf);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    problem(browser.fetch("GET", adminUri("/api/admin/users"), null), 403);
  }

  @Test
  void signIn_withoutAMappedGroup_isRefused_andNoUserIdentityOrSessionIsCreated() {
    String name = someone("mallory");
    String email = name + "@idp.example";
    provider.person(name, email, "marketing");
    Browser browser = new Browser();
    long sessions = count("SELECT count(*) FROM spring_session");

    Response callback = signIn(browser, name).callback().response();

    assertThat(problem(callback, 403).get("detail").asString())
        .contains("no Flagstream role")
        .contains("'groups'");
    assertThat(callback.headerValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("FLAGSTREAM_SESSION="));
    problem(browser.fetch("GET", adminUri("/api/auth/me"), null), 401);
    assertThat(userId(email)).isEmpty();
    assertThat(count("SELECT count(*) FROM sso_identities WHERE subject = ?", name)).isZero();
    assertThat(count("SELECT count(*) FROM spring_session")).isEqualTo(sessions);

    List<Map<String, Object>> audit = audit();
    assertThat(audit).extracting(row -> row.get("action")).containsExactly("LOGIN_SSO_REFUSED");
    assertThat(audit.get(0).get("actor_id")).isNull();
    assertThat(audit.get(0).get("actor_email")).isEqualTo(email);
    assertThat(audit.get(0).get("target")).isEqualTo("sso-subject:" + name);
    JsonNode refused = jsonOf(audit.get(0).get("after"));
    assertThat(refused.get("reason").asString()).isEqualTo("no-role");
    assertThat(refused.get("userAgent").asString()).isEqualTo(Browser.USER_AGENT);
  }

  @Test
  void secondSignIn_findsTheUserByIssuerAndSubject_andTakesTheRoleFromTheClaimAgain() {
    String name = someone("linus");
    String email = name + "@idp.example";
    provider.person(name, email, "flagstream-admins");
    Browser first = new Browser();
    signIn(first, name);
    String id = me(first).get("id").asString();

    // the person's email changes at the provider and they lose admin: still the same user
    provider.person(name, "renamed-" + email, "flagstream-editors");
    Browser second = new Browser();
    signIn(second, name);

    JsonNode me = me(second);
    assertThat(me.get("id").asString()).isEqualTo(id);
    assertThat(me.get("role").asString()).isEqualTo("EDITOR");
    assertThat(me.get("email").asString()).as("named as at the first sign-in").isEqualTo(email);
    assertThat(count("SELECT count(*) FROM sso_identities WHERE user_id = ?::uuid", id))
        .isEqualTo(1);
    problem(first.fetch("GET", adminUri("/api/auth/me"), null), 401); // the admin session ended
    assertThat(audit())
        .extracting(row -> row.get("action"))
        .containsExactly(
            "USER_PROVISIONED", "LOGIN_SSO_SUCCEEDED", "USER_UPDATED", "LOGIN_SSO_SUCCEEDED");
  }

  @Test
  void firstSignIn_withTheEmailOfAnExistingAccount_isRefused_andThatAccountIsUntouched() {
    String name = someone("impostor");
    provider.person(name, TestAccounts.EDITOR_EMAIL.toUpperCase(), "flagstream-admins");
    String editorRow =
        jdbc.sql("SELECT row_to_json(u)::text FROM users u WHERE email = ?")
            .param(TestAccounts.EDITOR_EMAIL)
            .query(String.class)
            .single();

    Response callback = signIn(new Browser(), name).callback().response();

    assertThat(problem(callback, 403).get("detail").asString()).contains("already exists");
    assertThat(
            jdbc.sql("SELECT row_to_json(u)::text FROM users u WHERE email = ?")
                .param(TestAccounts.EDITOR_EMAIL)
                .query(String.class)
                .single())
        .isEqualTo(editorRow);
    assertThat(count("SELECT count(*) FROM sso_identities WHERE subject = ?", name)).isZero();
    assertThat(audit()).extracting(row -> row.get("action")).containsExactly("LOGIN_SSO_REFUSED");
    assertThat(jsonOf(audit().get(0).get("after")).get("reason").asString())
        .isEqualTo("email-taken");
  }

  @Test
  void logout_endsTheSession_andAnswersTheProvidersLogoutUrl_whichEndsTheProviderSessionToo() {
    String name = someone("barbara");
    provider.person(name, name + "@idp.example", "flagstream-viewers");
    Browser browser = new Browser();
    signIn(browser, name);
    assertThat(browser.fetch("GET", adminUri("/api/auth/csrf"), null).status()).isEqualTo(204);
    String csrf = browser.cookie(adminUri("/"), "XSRF-TOKEN").orElseThrow();

    Response logout =
        browser.fetch("POST", adminUri("/api/auth/logout"), null, "X-XSRF-TOKEN", csrf);

    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
    URI providerLogout = URI.create(logout.json().get("providerLogoutUrl").asString());
    assertThat(providerLogout.toString()).startsWith(provider.issuer() + "/connect/logout?");
    Map<String, List<String>> parameters = query(providerLogout);
    assertThat(parameters).containsKey("id_token_hint");
    assertThat(parameters.get("client_id")).containsExactly("flagstream-admin");
    assertThat(parameters.get("post_logout_redirect_uri"))
        .containsExactly(adminUri("/signed-out").toString());
    problem(browser.fetch("GET", adminUri("/api/auth/me"), null), 401);

    List<Hop> signOut = browser.navigate(providerLogout);
    assertThat(signOut.get(0).next()).contains(adminUri("/signed-out"));
    List<Hop> again = browser.navigate(adminUri(START));
    assertThat(again.get(again.size() - 1).uri().getPath())
        .as("signed out of the provider too: it asks for the password again")
        .isEqualTo("/login");
  }

  @Test
  void aRedirectBack_thatIsNotThisBrowsersSignIn_isRefused_andSignsNobodyIn() {
    String name = someone("attacker");
    provider.person(name, name + "@idp.example", "flagstream-admins");
    Browser attacker = new Browser();
    URI attackersCallback = signInAtProviderOnly(attacker, name);
    Browser victim = new Browser();
    victim.navigate(adminUri(START)); // the victim's own sign-in is under way, with its own state
    long sessions = count("SELECT count(*) FROM spring_session");

    // login CSRF: the attacker has the victim's browser complete the attacker's sign-in
    Response planted = victim.get(attackersCallback);
    Response noSignIn = new Browser().get(attackersCallback);

    assertThat(problem(planted, 401).get("detail").asString())
        .contains("authorization_request_not_found");
    problem(noSignIn, 401);
    problem(victim.fetch("GET", adminUri("/api/auth/me"), null), 401);
    assertThat(count("SELECT count(*) FROM spring_session")).isEqualTo(sessions);
    assertThat(audit()).isEmpty();
    assertThat(attacker.get(attackersCallback).status())
        .as("the code itself was good: the browser that started the sign-in completes it")
        .isEqualTo(302);
  }

  @Test
  void theProvidersError_comingBack_isAProblem_andSignsNobodyIn() {
    Browser browser = new Browser();
    List<Hop> started = browser.navigate(adminUri(START));
    String state = query(started.get(0).next().orElseThrow()).get("state").get(0);

    // where the provider sends the browser back when the person declines or cannot sign in
    Response declined =
        browser.get(
            adminUri(
                CALLBACK
                    + "?error=access_denied&state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8)));

    assertThat(problem(declined, 401).get("detail").asString()).contains("(access_denied)");
    problem(browser.fetch("GET", adminUri("/api/auth/me"), null), 401);
    assertThat(audit()).isEmpty();
  }

  @Test
  void providers_offerSsoWithItsNameAndStart_besidePasswords() {
    JsonNode providers = anonymous.get("/api/auth/providers").json();
    assertThat(providers.get("password").asBoolean()).isTrue();
    assertThat(providers.get("sso").get("id").asString()).isEqualTo("oidc");
    assertThat(providers.get("sso").get("displayName").asString()).isEqualTo("Test Provider");
    assertThat(providers.get("sso").get("loginUrl").asString()).isEqualTo(START);
  }

  private JsonNode me(Browser browser) {
    Response me = browser.fetch("GET", adminUri("/api/auth/me"), null);
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return me.json();
  }

  private List<Map<String, Object>> audit() {
    return jdbc.sql(
            "SELECT action, target, actor_id::text AS actor_id, actor_email, after::text AS after"
                + " FROM audit_log ORDER BY id")
        .query()
        .listOfRows();
  }

  private static JsonNode jsonOf(Object text) {
    return JsonMapper.builder().build().readTree(String.valueOf(text));
  }

  private static String setCookie(Response response, String name) {
    return response.headerValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie set: " + response));
  }

  private static Map<String, List<String>> query(URI uri) {
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    UriComponentsBuilder.fromUri(uri)
        .build(true)
        .getQueryParams()
        .forEach(
            (name, values) ->
                decoded.put(
                    name,
                    values.stream()
                        .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                        .toList()));
    return decoded;
  }
}
