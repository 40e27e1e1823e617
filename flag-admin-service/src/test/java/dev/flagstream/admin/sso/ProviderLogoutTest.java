package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

class ProviderLogoutTest {
  private static ClientRegistration provider(Map<String, Object> metadata) {
    return ClientRegistration.withRegistrationId("oidc")
        .clientId("flag stream")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/oidc")
        .authorizationUri("https://idp.example/authorize")
        .tokenUri("https://idp.example/token")
        .providerConfigurationMetadata(metadata)
        .build();
  }

  private static MockHttpServletRequest request() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/flags/login/oauth2/code/oidc");
    request.setScheme("https");
    request.setServerName("flags.example");
    request.setServerPort(8443);
    request.setContextPath("/flags");
    request.setQueryString("code=c&state=s");
    return request;
  }

  @Test
  void url_isTheEndSessionEndpoint_withTheIdTokenClientAndWayBack() {
    String url =
        new ProviderLogout("{baseUrl}/signed-out?from=sso&x=1")
            .url(
                provider(Map.of("end_session_endpoint", "https://idp.example/logout?tenant=a")),
                "header.payload.signature",
                request());

    assertThat(url)
        .isEqualTo(
            "https://idp.example/logout?tenant=a&id_token_hint=header.payload.signature"
                + "&client_id=flag%20stream"
                + "&post_logout_redirect_uri="
                + "https%3A%2F%2Fflags.example%3A8443%2Fflags%2Fsigned-out%3Ffrom%3Dsso%26x%3D1");
  }

  @Test
  void url_withoutAWayBack_letsTheProviderShowItsOwnPage() {
    for (String none : new String[] {null, " "}) {
      assertThat(
              new ProviderLogout(none)
                  .url(
                      provider(Map.of("end_session_endpoint", "https://idp.example/logout")),
                      "t",
                      request()))
          .isEqualTo("https://idp.example/logout?id_token_hint=t&client_id=flag%20stream");
    }
  }

  @Test
  void url_aFixedWayBack_isSentAsConfigured() {
    assertThat(
            new ProviderLogout("https://console.example/bye")
                .url(
                    provider(Map.of("end_session_endpoint", "https://idp.example/logout")),
                    "t",
                    request()))
        .endsWith("&post_logout_redirect_uri=https%3A%2F%2Fconsole.example%2Fbye");
  }

  @Test
  void url_ofAProviderWithoutAnEndSessionEndpoint_isNull() {
    ProviderLogout logout = new ProviderLogout("{baseUrl}/");
    assertThat(logout.url(provider(Map.of()), "t", request())).isNull();
    assertThat(logout.url(provider(Map.of("end_session_endpoint", " ")), "t", request())).isNull();
    assertThat(logout.url(provider(Map.of("end_session_endpoint", 42)), "t", request())).isNull();
  }

  @Test
  void baseUrl_isSchemeHostPortAndContextPath() {
    assertThat(ProviderLogout.baseUrl(request())).isEqualTo("https://flags.example:8443/flags");
    MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/x");
    plain.setServerName("localhost");
    plain.setServerPort(80);
    assertThat(ProviderLogout.baseUrl(plain)).isEqualTo("http://localhost");
  }
}
