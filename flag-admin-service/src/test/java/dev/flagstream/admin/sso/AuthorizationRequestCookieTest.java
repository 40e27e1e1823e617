package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.databind.json.JsonMapper;

class AuthorizationRequestCookieTest {
  private final SignedAuthorizationRequest signed =
      new SignedAuthorizationRequest(
          "secret",
          JsonMapper.builder().build(),
          new TestClock(Instant.parse("2026-12-01T10:00:00Z")));
  private final AuthorizationRequestCookie secure = new AuthorizationRequestCookie(signed, true);
  private final AuthorizationRequestCookie plain = new AuthorizationRequestCookie(signed, false);

  private static OAuth2AuthorizationRequest request(String state) {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri("https://idp.example/authorize")
        .clientId("flagstream")
        .redirectUri("https://flags.example/login/oauth2/code/oidc")
        .scopes(Set.of("openid"))
        .state(state)
        .attributes(attributes -> attributes.put("registration_id", "oidc"))
        .build();
  }

  private static String saved(AuthorizationRequestCookie cookies, String state) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    cookies.saveAuthorizationRequest(request(state), new MockHttpServletRequest(), response);
    return response.getHeader("Set-Cookie");
  }

  private static MockHttpServletRequest callback(String state, Cookie... cookies) {
    MockHttpServletRequest callback = new MockHttpServletRequest("GET", "/login/oauth2/code/oidc");
    if (state != null) {
      callback.setParameter("state", state);
    }
    if (cookies.length > 0) {
      callback.setCookies(cookies);
    }
    return callback;
  }

  private static String valueOf(String setCookie) {
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }

  @Test
  void save_setsAHostOnlyHttpOnlyLaxCookie_forTenMinutes() {
    String cookie = saved(secure, "s1");
    assertThat(cookie)
        .startsWith("__Host-FLAGSTREAM_SSO=")
        .contains("Path=/")
        .contains("Max-Age=600")
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .doesNotContain("Domain");
    assertThat(saved(plain, "s1")).startsWith("FLAGSTREAM_SSO=").doesNotContain("Secure");
    assertThat(secure.name()).isEqualTo("__Host-FLAGSTREAM_SSO");
    assertThat(plain.name()).isEqualTo("FLAGSTREAM_SSO");
  }

  @Test
  void load_theSameBrowsersCallback_givesItsRequest() {
    String value = valueOf(saved(plain, "s1"));
    OAuth2AuthorizationRequest loaded =
        plain.loadAuthorizationRequest(callback("s1", new Cookie("FLAGSTREAM_SSO", value)));
    assertThat(loaded).isNotNull();
    assertThat(loaded.getState()).isEqualTo("s1");
  }

  @Test
  void load_anotherState_noState_noCookie_orAnotherCookieName_givesNothing() {
    String value = valueOf(saved(plain, "s1"));
    assertThat(plain.loadAuthorizationRequest(callback("s2", new Cookie("FLAGSTREAM_SSO", value))))
        .isNull();
    assertThat(plain.loadAuthorizationRequest(callback(null, new Cookie("FLAGSTREAM_SSO", value))))
        .isNull();
    assertThat(plain.loadAuthorizationRequest(callback("s1"))).isNull();
    assertThat(plain.loadAuthorizationRequest(callback("s1", new Cookie("other", value)))).isNull();
    assertThat(secure.loadAuthorizationRequest(callback("s1", new Cookie("FLAGSTREAM_SSO", value))))
        .as("a secure deployment reads only its __Host- cookie")
        .isNull();
    assertThat(
            plain.loadAuthorizationRequest(
                callback("s1", new Cookie("FLAGSTREAM_SSO", value.replace('.', '-')))))
        .isNull();
  }

  @Test
  void remove_givesTheRequest_andExpiresTheCookie_evenWhenItDoesNotMatch() {
    String value = valueOf(saved(plain, "s1"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(
            plain.removeAuthorizationRequest(
                callback("s1", new Cookie("FLAGSTREAM_SSO", value)), response))
        .isNotNull();
    assertThat(response.getHeader("Set-Cookie"))
        .startsWith("FLAGSTREAM_SSO=;")
        .contains("Max-Age=0");

    MockHttpServletResponse mismatch = new MockHttpServletResponse();
    assertThat(
            plain.removeAuthorizationRequest(
                callback("s2", new Cookie("FLAGSTREAM_SSO", value)), mismatch))
        .isNull();
    assertThat(mismatch.getHeader("Set-Cookie")).contains("Max-Age=0");

    MockHttpServletResponse others = new MockHttpServletResponse();
    assertThat(plain.removeAuthorizationRequest(callback("s1", new Cookie("other", value)), others))
        .isNull();
    assertThat(others.getHeader("Set-Cookie")).as("not ours, nothing to expire").isNull();

    MockHttpServletResponse none = new MockHttpServletResponse();
    assertThat(plain.removeAuthorizationRequest(callback("s1"), none)).isNull();
    assertThat(none.getHeader("Set-Cookie")).as("no cookie, nothing to expire").isNull();
  }

  @Test
  void save_ofNoRequest_expiresTheCookie() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    plain.saveAuthorizationRequest(null, new MockHttpServletRequest(), response);
    assertThat(response.getHeader("Set-Cookie"))
        .startsWith("FLAGSTREAM_SSO=;")
        .contains("Max-Age=0");
  }
}
