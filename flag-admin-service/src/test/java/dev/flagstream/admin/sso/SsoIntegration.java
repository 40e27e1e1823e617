package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Browser;
import dev.flagstream.admin.fixtures.Browser.Hop;
import dev.flagstream.admin.fixtures.OidcProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin service configured to sign people in through a real OpenID Connect provider started in
 * the test JVM ({@link OidcProvider}), and a browser's way through that sign-in.
 */
@TestPropertySource(
    properties = {
      "flags.sso.client-id=" + OidcProvider.CLIENT_ID,
      "flags.sso.client-secret=" + OidcProvider.CLIENT_SECRET,
      "flags.sso.display-name=Test Provider",
      "flags.sso.roles.claim=groups",
      "flags.sso.roles.admin=flagstream-admins",
      "flags.sso.roles.editor=flagstream-editors,release-managers",
      "flags.sso.roles.viewer=flagstream-viewers",
      "flags.sso.post-logout-redirect-uri={baseUrl}/signed-out"
    })
abstract class SsoIntegration extends AdminServiceIntegration {
  static final String START = "/oauth2/authorization/oidc";
  static final String CALLBACK = "/login/oauth2/code/oidc";
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  protected final OidcProvider provider = OidcProvider.shared();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    properties.add("flags.sso.issuer-uri", () -> OidcProvider.shared().issuer());
  }

  @BeforeEach
  void registerRedirects() {
    provider.allow(adminUri(CALLBACK).toString(), adminUri("/signed-out").toString());
  }

  protected URI adminUri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A name for a person at the provider that no other test uses. */
  protected static String someone(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Every hop of a sign-in through the provider, in order. */
  record SignIn(List<Hop> hops) {
    /** The service's answer to the start of the sign-in. */
    Hop start() {
      return hops.get(0);
    }

    /** The service's answer to the provider's redirect back. */
    Hop callback() {
      return hops.stream()
          .filter(hop -> hop.uri().getPath().equals(CALLBACK))
          .findFirst()
          .orElseThrow(() -> new AssertionError("never came back to the service: " + hops));
    }
  }

  /**
   * Signs in as {@code username} the way a browser does: the service sends it to the provider,
   * whose login form (unless the browser is signed in there already) takes the password, and the
   * provider sends it back to the service.
   */
  protected SignIn signIn(Browser browser, String username) {
    return signIn(browser, username, next -> false);
  }

  /**
   * Signs in at the provider as {@code username} but stops before going back to the service: the
   * last hop is the provider's redirect there, with the code and the state.
   */
  protected URI signInAtProviderOnly(Browser browser, String username) {
    SignIn signIn = signIn(browser, username, next -> next.getPath().equals(CALLBACK));
    return signIn.hops().get(signIn.hops().size() - 1).next().orElseThrow();
  }

  private SignIn signIn(Browser browser, String username, Predicate<URI> stop) {
    List<Hop> hops = new ArrayList<>(browser.navigate(adminUri(START)));
    Hop last = hops.get(hops.size() - 1);
    assertThat(last.uri().getPath()).as("the provider's login form: %s", last).isEqualTo("/login");
    Matcher csrf = CSRF.matcher(last.response().body());
    assertThat(csrf.find()).as("the provider's login form: %s", last).isTrue();
    hops.addAll(
        browser.submit(
            last.uri(),
            Map.of("username", username, "password", OidcProvider.PASSWORD, "_csrf", csrf.group(1)),
            stop));
    return new SignIn(hops);
  }

  /** The id of the user with {@code email}, if there is one. */
  protected java.util.Optional<String> userId(String email) {
    return jdbc.sql("SELECT id::text FROM users WHERE email = ?")
        .param(email)
        .query(String.class)
        .optional();
  }

  protected long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
