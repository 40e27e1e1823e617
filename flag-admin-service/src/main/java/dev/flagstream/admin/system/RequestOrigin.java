package dev.flagstream.admin.system;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from, as far as the service can tell: the client's address (the nearest
 * proxy's, unless {@code server.forward-headers-strategy} trusts forwarded headers) and the {@code
 * User-Agent} it sent, cut to {@value #MAX_USER_AGENT} characters. Both are what the client claims
 * or what the network shows: good for recognising a session or tracing an audit entry, no proof of
 * who called.
 *
 * @param userAgent null when the client sent none
 */
public record RequestOrigin(String clientAddress, @Nullable String userAgent) {
  /** The longest user agent kept; longer ones are cut, as no browser sends such. */
  public static final int MAX_USER_AGENT = 512;

  /** The origin of {@code request}. */
  public static RequestOrigin of(HttpServletRequest request) {
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    if (agent != null && agent.length() > MAX_USER_AGENT) {
      int end = MAX_USER_AGENT;
      if (Character.isHighSurrogate(agent.charAt(end - 1))) {
        end--; // never keep half a character
      }
      agent = agent.substring(0, end);
    }
    return new RequestOrigin(request.getRemoteAddr(), agent);
  }

  /** The origin of the request being served on this thread, or null outside a request. */
  public static @Nullable RequestOrigin current() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return of(attributes.getRequest());
    }
    return null;
  }
}
