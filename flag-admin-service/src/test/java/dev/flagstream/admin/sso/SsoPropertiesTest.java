package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SsoPropertiesTest {
  private static final SsoProperties.Roles ADMINS =
      new SsoProperties.Roles("groups", List.of("admins"), List.of(), List.of());
  private static final SsoProperties.Roles NO_ROLES =
      new SsoProperties.Roles("groups", List.of(), List.of(), List.of());
  private static final List<String> SCOPES = List.of("openid", "email", "profile");

  private static SsoProperties settings(
      @Nullable String issuer,
      @Nullable String clientId,
      @Nullable String secret,
      String registrationId,
      List<String> scopes,
      SsoProperties.Roles roles,
      boolean passwordLogin,
      String afterLoginUrl) {
    return new SsoProperties(
        issuer,
        clientId,
        secret,
        "Acme",
        registrationId,
        scopes,
        roles,
        passwordLogin,
        afterLoginUrl,
        null);
  }

  private static SsoProperties configured(String issuer) {
    return settings(issuer, "client", "secret", "oidc", SCOPES, ADMINS, true, "/");
  }

  @Test
  void unset_isOff_andNeedsNothingElse() {
    SsoProperties off = settings(null, null, null, "oidc", SCOPES, NO_ROLES, true, "/");
    assertThat(off.enabled()).isFalse();
    assertThat(settings("  ", null, null, "oidc", SCOPES, NO_ROLES, true, "/").enabled())
        .as("an empty environment variable")
        .isFalse();
    assertThatIllegalStateException().isThrownBy(off::issuer);
  }

  @Test
  void configured_isOn_withItsPaths() {
    SsoProperties on = configured(" https://idp.example/realms/acme ");
    assertThat(on.enabled()).isTrue();
    assertThat(on.issuer()).isEqualTo(URI.create("https://idp.example/realms/acme"));
    assertThat(on.loginPath()).isEqualTo("/oauth2/authorization/oidc");
    assertThat(on.redirectPath()).isEqualTo("/login/oauth2/code/oidc");
    assertThat(configured("http://localhost:9000").enabled()).isTrue();
  }

  @Test
  void anIssuer_needsAClientIdAndSecret() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> settings("https://idp.example", null, " ", "oidc", SCOPES, ADMINS, true, "/"))
        .withMessageContaining("flags.sso.client-id is required")
        .withMessageContaining("flags.sso.client-secret is required");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> settings("https://idp.example", " ", "secret", "oidc", SCOPES, ADMINS, true, "/"))
        .withMessageContaining("client-id")
        .withMessageNotContaining("client-secret");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                settings("https://idp.example", "client", null, "oidc", SCOPES, ADMINS, true, "/"))
        .withMessageContaining("client-secret")
        .withMessageNotContaining("client-id");
  }

  @Test
  void anIssuer_mustBeAnHttpUrl() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> configured("idp.example"))
        .withMessageContaining("flags.sso.issuer-uri must be an http(s) URL");
  }

  @Test
  void theRegistrationId_mustBeFitForAPath() {
    for (String bad : List.of("", "Okta", "a/b", "-x", "a".repeat(64))) {
      assertThatIllegalArgumentException()
          .as(bad)
          .isThrownBy(
              () -> settings("https://idp.example", "c", "s", bad, SCOPES, ADMINS, true, "/"))
          .withMessageContaining("flags.sso.registration-id");
    }
    assertThat(
            settings("https://idp.example", "c", "s", "okta-2", SCOPES, ADMINS, true, "/")
                .loginPath())
        .isEqualTo("/oauth2/authorization/okta-2");
    assertThat(
            settings("https://idp.example", "c", "s", "a".repeat(63), SCOPES, ADMINS, true, "/")
                .enabled())
        .isTrue();
  }

  @Test
  void theScopes_mustIncludeOpenid() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                settings(
                    "https://idp.example",
                    "c",
                    "s",
                    "oidc",
                    List.of("email", "profile"),
                    ADMINS,
                    true,
                    "/"))
        .withMessageContaining("flags.sso.scopes must include openid");
  }

  @Test
  void anIssuer_withoutAnyMappedRole_wouldRefuseEveryone() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> settings("https://idp.example", "c", "s", "oidc", SCOPES, NO_ROLES, true, "/"))
        .withMessageContaining("set at least one of flags.sso.roles");
    for (SsoProperties.Roles one :
        List.of(
            new SsoProperties.Roles("groups", List.of(), List.of("e"), List.of()),
            new SsoProperties.Roles("groups", List.of(), List.of(), List.of("v")))) {
      assertThat(one.isEmpty()).isFalse();
      assertThat(
              settings("https://idp.example", "c", "s", "oidc", SCOPES, one, true, "/").enabled())
          .isTrue();
    }
  }

  @Test
  void passwordLoginOff_withoutAnIssuer_wouldLockEveryoneOut() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(null, null, null, "oidc", SCOPES, NO_ROLES, false, "/"))
        .withMessageContaining("flags.sso.password-login=false needs flags.sso.issuer-uri");
    assertThat(
            settings("https://idp.example", "c", "s", "oidc", SCOPES, ADMINS, false, "/")
                .passwordLogin())
        .isFalse();
  }

  @Test
  void afterLoginUrl_mustBeAPathHere() {
    for (String bad : List.of("https://evil.example/", "//evil.example/", "console")) {
      assertThatIllegalArgumentException()
          .as(bad)
          .isThrownBy(() -> settings(null, null, null, "oidc", SCOPES, NO_ROLES, true, bad))
          .withMessageContaining("flags.sso.after-login-url");
    }
    assertThat(settings(null, null, null, "oidc", SCOPES, NO_ROLES, true, "/console/").enabled())
        .isFalse();
  }

  @Test
  void required_refusesNull() {
    assertThat(SsoProperties.required("x")).isEqualTo("x");
    assertThatIllegalStateException().isThrownBy(() -> SsoProperties.required(null));
  }
}
