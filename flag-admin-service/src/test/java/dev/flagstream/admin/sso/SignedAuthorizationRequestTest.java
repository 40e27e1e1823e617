package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.databind.json.JsonMapper;

class SignedAuthorizationRequestTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final JsonMapper json = JsonMapper.builder().build();
  private final SignedAuthorizationRequest signed =
      new SignedAuthorizationRequest("the-client-secret", json, clock);

  private static OAuth2AuthorizationRequest request() {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri("https://idp.example/authorize")
        .clientId("flagstream")
        .redirectUri("https://flags.example/login/oauth2/code/oidc")
        .scopes(Set.of("openid", "email"))
        .state("the-state")
        .additionalParameters(
            parameters -> {
              parameters.put("nonce", "hash-of-the-nonce");
              parameters.put("code_challenge", "the-challenge");
              parameters.put("code_challenge_method", "S256");
            })
        .attributes(
            attributes -> {
              attributes.put("registration_id", "oidc");
              attributes.put("nonce", "the-nonce");
              attributes.put("code_verifier", "the-verifier");
            })
        .build();
  }

  @Test
  void decode_ofWhatItEncoded_isTheSameRequest() {
    OAuth2AuthorizationRequest request = request();
    OAuth2AuthorizationRequest decoded = signed.decode(signed.encode(request)).orElseThrow();

    assertThat(decoded.getAuthorizationUri()).isEqualTo(request.getAuthorizationUri());
    assertThat(decoded.getClientId()).isEqualTo("flagstream");
    assertThat(decoded.getRedirectUri()).isEqualTo(request.getRedirectUri());
    assertThat(decoded.getScopes()).containsExactlyInAnyOrder("openid", "email");
    assertThat(decoded.getState()).isEqualTo("the-state");
    assertThat(decoded.getAdditionalParameters()).isEqualTo(request.getAdditionalParameters());
    assertThat(decoded.getAttributes()).isEqualTo(request.getAttributes());
    // rebuilt from the fields (the scopes' order within it follows the set's)
    assertThat(decoded.getAuthorizationRequestUri())
        .startsWith("https://idp.example/authorize?response_type=code&client_id=flagstream&")
        .contains("&state=the-state&")
        .contains("&code_challenge=the-challenge&code_challenge_method=S256");
  }

  @Test
  void encode_isCookieSafe_andSmall() {
    assertThat(signed.encode(request()))
        .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}")
        .hasSizeLessThan(1500);
  }

  @Test
  void decode_lastsTenMinutes() {
    String value = signed.encode(request());
    clock.advance(SignedAuthorizationRequest.LIFETIME.minusSeconds(1));
    assertThat(signed.decode(value)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(signed.decode(value)).isEmpty();
  }

  @Test
  void decode_ofAChangedPayload_isEmpty() {
    String value = signed.encode(request());
    String payload = value.substring(0, value.indexOf('.'));
    String text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String changed =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                text.replace("the-state", "your-state").getBytes(StandardCharsets.UTF_8));
    assertThat(signed.decode(changed + value.substring(value.indexOf('.')))).isEmpty();
  }

  @Test
  void decode_signedWithAnotherSecret_isEmpty() {
    String other = new SignedAuthorizationRequest("another-secret", json, clock).encode(request());
    assertThat(signed.decode(other)).isEmpty();
    assertThat(new SignedAuthorizationRequest("the-client-secret", json, clock).decode(other))
        .isEmpty();
    assertThat(
            new SignedAuthorizationRequest("the-client-secret", json, clock)
                .decode(signed.encode(request())))
        .as("every replica with the same secret reads it")
        .isPresent();
  }

  @Test
  void decode_ofGarbage_isEmpty() {
    String value = signed.encode(request());
    assertThat(signed.decode("")).isEmpty();
    assertThat(signed.decode("no-dot-at-all")).isEmpty();
    assertThat(signed.decode(value.substring(0, value.indexOf('.') + 1))).isEmpty();
    assertThat(signed.decode(value + "A")).isEmpty();
    assertThat(signed.decode("!!!." + value.substring(value.indexOf('.') + 1))).isEmpty();
    assertThat(signed.decode(value.substring(0, value.indexOf('.')) + ".%%%")).isEmpty();
  }

  @Test
  void decode_ofASignedPayloadThatIsNoRequest_isEmpty() {
    for (String text :
        java.util.List.of(
            "[\"not a request\"]", "{\"state\":", "{}", "{\"expiresAt\":99999999999}")) {
      String payload =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(text.getBytes(StandardCharsets.UTF_8));
      assertThat(signed.decode(signed.signed(payload))).as(text).isEmpty();
    }
  }
}
