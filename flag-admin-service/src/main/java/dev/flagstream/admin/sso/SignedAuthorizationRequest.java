package dev.flagstream.admin.sso;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization request of a sign-in under way, written as a cookie value: its fields as JSON,
 * with the time it expires, signed with HMAC-SHA256. What comes back is accepted only as this
 * service wrote it, so nobody can plant a state, nonce or PKCE verifier of their choosing, and only
 * for {@link #LIFETIME}. The key is derived from the client secret, which every replica has, so a
 * sign-in started on one replica completes on another.
 */
final class SignedAuthorizationRequest {
  /** How long a browser may take from leaving for the provider to coming back. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final JsonMapper json;
  private final Clock clock;

  SignedAuthorizationRequest(String clientSecret, JsonMapper json, Clock clock) {
    // A key of its own, so that nothing signed here could pass for anything else made with the
    // secret.
    this.key =
        new SecretKeySpec(
            mac(
                new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "flagstream sso authorization request v1".getBytes(StandardCharsets.UTF_8)),
            ALGORITHM);
    this.json = json;
    this.clock = clock;
  }

  /** What is kept of a request: enough to rebuild it. */
  record Fields(
      String authorizationUri,
      String clientId,
      String redirectUri,
      Set<String> scopes,
      String state,
      Map<String, String> parameters,
      Map<String, String> attributes,
      long expiresAt) {}

  /** {@code request} as a signed value, expiring {@link #LIFETIME} from now. */
  String encode(OAuth2AuthorizationRequest request) {
    Fields fields =
        new Fields(
            request.getAuthorizationUri(),
            request.getClientId(),
            request.getRedirectUri(),
            request.getScopes(),
            request.getState(),
            strings(request.getAdditionalParameters()),
            strings(request.getAttributes()),
            clock.instant().plus(LIFETIME).getEpochSecond());
    return signed(BASE64.encodeToString(json.writeValueAsBytes(fields)));
  }

  /** {@code payload} and its signature, as a value. */
  String signed(String payload) {
    return payload + "." + BASE64.encodeToString(mac(key, bytes(payload)));
  }

  /**
   * The request {@code value} holds, or empty when it was not signed by this service's key, is
   * malformed or has expired.
   */
  Optional<OAuth2AuthorizationRequest> decode(String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String payload = value.substring(0, dot);
    try {
      byte[] signature = UNBASE64.decode(value.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(key, bytes(payload)))) {
        return Optional.empty();
      }
      Fields fields = json.readValue(UNBASE64.decode(payload), Fields.class);
      if (clock.instant().getEpochSecond() >= fields.expiresAt()) {
        return Optional.empty();
      }
      return Optional.of(request(fields));
    } catch (RuntimeException e) {
      // not base64, not JSON, or fields missing: whatever it is, this service did not write it
      return Optional.empty();
    }
  }

  private static OAuth2AuthorizationRequest request(Fields fields) {
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri(fields.authorizationUri())
        .clientId(fields.clientId())
        .redirectUri(fields.redirectUri())
        .scopes(fields.scopes())
        .state(fields.state())
        .additionalParameters(parameters -> parameters.putAll(fields.parameters()))
        .attributes(attributes -> attributes.putAll(fields.attributes()))
        .build();
  }

  private static Map<String, String> strings(Map<String, Object> values) {
    Map<String, String> strings = new LinkedHashMap<>();
    values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
    return strings;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }
}
