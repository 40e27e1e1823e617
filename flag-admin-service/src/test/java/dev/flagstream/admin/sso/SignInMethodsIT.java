package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import org.junit.jupiter.api.Test;

/** Without {@code flags.sso.issuer-uri}, single sign-on is off and nothing of it answers. */
class SignInMethodsIT extends AdminServiceIntegration {

  @Test
  void providers_withoutSso_offerPasswordsOnly_toAnyone() {
    var providers = anonymous.get("/api/auth/providers");
    assertThat(providers.status()).isEqualTo(200);
    assertThat(providers.json().get("password").asBoolean()).isTrue();
    assertThat(providers.json().get("sso").isNull()).isTrue();
  }

  @Test
  void theSignInPaths_withoutSso_areNotServed() {
    problem(anonymous.get("/oauth2/authorization/oidc"), 401);
    problem(anonymous.get("/login/oauth2/code/oidc?code=x&state=y"), 401);
  }
}
