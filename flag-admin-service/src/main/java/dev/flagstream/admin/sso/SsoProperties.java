package dev.flagstream.admin.sso;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider, {@code flags.sso.*}; off while {@code
 * issuerUri} is unset. A setting that cannot work stops the start, saying why.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read at
 *     the first sign-in, so the service starts while the provider is away
 * @param clientId this service's client at the provider
 * @param clientSecret that client's secret; it also keys the signature of the sign-in cookie
 * @param displayName what a login page calls the provider: "Sign in with …"
 * @param registrationId names the provider in paths: {@code /oauth2/authorization/{id}} starts a
 *     sign-in and {@code /login/oauth2/code/{id}} is the redirect URI to register at the provider
 * @param scopes the scopes asked for; {@code openid} is required
 * @param roles which values of which claim give which role
 * @param passwordLogin whether email-and-password sign-in stays open; false for SSO-only
 * @param afterLoginUrl where the browser goes once signed in
 * @param postLogoutRedirectUri where the provider sends the browser after signing out there, as
 *     registered at the provider ({@code {baseUrl}} stands for this service's URL); unset: the
 *     provider's own page
 */
@ConfigurationProperties("flags.sso")
record SsoProperties(
    @Nullable String issuerUri,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @DefaultValue("Single sign-on") String displayName,
    @DefaultValue("oidc") String registrationId,
    @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
    @DefaultValue Roles roles,
    @DefaultValue("true") boolean passwordLogin,
    @DefaultValue("/") String afterLoginUrl,
    @Nullable String postLogoutRedirectUri) {
  private static final Pattern REGISTRATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  SsoProperties {
    List<String> problems = problems(issuerUri, clientId, clientSecret, registrationId, scopes);
    if (!passwordLogin && blank(issuerUri)) {
      problems.add(
          "flags.sso.password-login=false needs flags.sso.issuer-uri: no one could sign in to the"
              + " console");
    }
    if (!blank(issuerUri) && roles.isEmpty()) {
      problems.add(
          "set at least one of flags.sso.roles.admin, .editor or .viewer: every sign-in would be"
              + " refused");
    }
    if (!afterLoginUrl.startsWith("/") || afterLoginUrl.startsWith("//")) {
      problems.add("flags.sso.after-login-url must be a path on this service, such as /");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private static List<String> problems(
      @Nullable String issuerUri,
      @Nullable String clientId,
      @Nullable String clientSecret,
      String registrationId,
      List<String> scopes) {
    List<String> problems = new ArrayList<>();
    if (issuerUri == null || issuerUri.isBlank()) {
      return problems;
    }
    if (!issuerUri.strip().startsWith("https://") && !issuerUri.strip().startsWith("http://")) {
      problems.add("flags.sso.issuer-uri must be an http(s) URL, got " + issuerUri);
    }
    if (blank(clientId)) {
      problems.add("flags.sso.client-id is required with flags.sso.issuer-uri");
    }
    if (blank(clientSecret)) {
      problems.add("flags.sso.client-secret is required with flags.sso.issuer-uri");
    }
    if (!REGISTRATION_ID.matcher(registrationId).matches()) {
      problems.add(
          "flags.sso.registration-id must be lower-case letters, digits and dashes, got "
              + registrationId);
    }
    if (!scopes.contains("openid")) {
      problems.add("flags.sso.scopes must include openid");
    }
    return problems;
  }

  /** Whether single sign-on is configured. */
  boolean enabled() {
    return !blank(issuerUri);
  }

  /** The issuer, as configured. Only when {@link #enabled()}. */
  URI issuer() {
    return URI.create(required(issuerUri).strip());
  }

  /** Where a browser starts signing in, below the context path. */
  String loginPath() {
    return "/oauth2/authorization/" + registrationId;
  }

  /** Where the provider sends the browser back to, below the context path. */
  String redirectPath() {
    return "/login/oauth2/code/" + registrationId;
  }

  static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("single sign-on is not configured");
    }
    return value;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * Which values of the claim {@code claim} give which role; a user whose values give several gets
   * the highest, one whose values give none is refused.
   *
   * @param claim the claim's name in the ID token or user info, such as {@code groups} or {@code
   *     roles}: a list of strings, or one string
   * @param admin claim values that give the role ADMIN
   * @param editor claim values that give the role EDITOR
   * @param viewer claim values that give the role VIEWER
   */
  record Roles(
      @DefaultValue("groups") String claim,
      @DefaultValue List<String> admin,
      @DefaultValue List<String> editor,
      @DefaultValue List<String> viewer) {
    boolean isEmpty() {
      return admin.isEmpty() && editor.isEmpty() && viewer.isEmpty();
    }
  }
}
