package dev.flagstream.admin.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Where a browser signs out of the provider too (OpenID Connect RP-initiated logout): the
 * provider's {@code end_session_endpoint} with the ID token of the sign-in as {@code
 * id_token_hint}, this client's id and, when configured, where the provider should send the browser
 * back to.
 */
final class ProviderLogout {
  static final String END_SESSION_ENDPOINT = "end_session_endpoint";
  static final String BASE_URL = "{baseUrl}";

  private final @Nullable String postLogoutRedirectUri;

  ProviderLogout(@Nullable String postLogoutRedirectUri) {
    this.postLogoutRedirectUri = postLogoutRedirectUri;
  }

  /**
   * The URL for the browser of {@code request} to sign out of the provider, or null when the
   * provider does not advertise an {@code end_session_endpoint}.
   */
  @Nullable String url(ClientRegistration provider, String idToken, HttpServletRequest request) {
    Object endpoint =
        provider.getProviderDetails().getConfigurationMetadata().get(END_SESSION_ENDPOINT);
    if (!(endpoint instanceof String uri) || uri.isBlank()) {
      return null;
    }
    UriComponentsBuilder url =
        UriComponentsBuilder.fromUriString(uri)
            .queryParam("id_token_hint", encoded(idToken))
            .queryParam("client_id", encoded(provider.getClientId()));
    if (postLogoutRedirectUri != null && !postLogoutRedirectUri.isBlank()) {
      String back = postLogoutRedirectUri.replace(BASE_URL, baseUrl(request));
      url.queryParam("post_logout_redirect_uri", encoded(back));
    }
    return url.build(true).toUriString();
  }

  /** This service's URL as {@code request} reached it: scheme, host, port and context path. */
  static String baseUrl(HttpServletRequest request) {
    return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
        .replacePath(request.getContextPath())
        .replaceQuery(null)
        .fragment(null)
        .build()
        .toUriString();
  }

  private static String encoded(String value) {
    return UriUtils.encode(value, StandardCharsets.UTF_8);
  }
}
