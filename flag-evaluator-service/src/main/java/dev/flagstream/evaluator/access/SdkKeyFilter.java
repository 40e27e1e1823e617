package dev.flagstream.evaluator.access;

import dev.flagstream.evaluator.system.ProblemWriter;
import dev.flagstream.evaluator.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds who is calling, before anything else reads the request: the key from {@code Authorization:
 * Bearer <key>}, or a client key from {@code ?key=}. Refuses with 401 a key that is no key of ours,
 * a server or metrics key in the URL, and a request without a key unless it is for a public probe:
 * so that nothing, not even whether a path exists, is told to a caller without a key. What each key
 * may call is decided later, on the method the router picked ({@link KeyCheck}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class SdkKeyFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(SdkKeyFilter.class);
  private static final String BEARER = "Bearer ";
  private static final String CHALLENGE = "Bearer realm=\"flagstream\"";

  private final SdkKeys keys;
  private final ProblemWriter problems;

  SdkKeyFilter(SdkKeys keys, ProblemWriter problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (CorsUtils.isPreFlightRequest(request)) {
      chain.doFilter(request, response); // a browser's preflight never carries credentials
      return;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String queryKey = queryParameter(request.getQueryString(), "key");
    Caller caller;
    if (header != null) {
      caller = keys.find(bearer(header), false);
      if (caller == null) {
        refuse(response, "the key is not valid");
        return;
      }
    } else if (queryKey != null) {
      caller = keys.find(queryKey, true);
      if (caller == null) {
        refuse(response, "the key is not valid");
        return;
      }
      if (caller.kind() != KeyKind.CLIENT) {
        log.warn(
            "event=access.key-in-url key={}: a {} key was sent in a URL, where proxies and"
                + " browsers log it; refused, and it should be replaced",
            caller.keyName(),
            caller.kind());
        refuse(response, "only client keys may travel in the URL; send this key as a header");
        return;
      }
    } else if (PublicPaths.isPublic(request)) {
      chain.doFilter(request, response);
      return;
    } else {
      refuse(response, "send an SDK key as Authorization: Bearer <key>");
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller);
    chain.doFilter(new Identified(request, caller), response);
  }

  private static String bearer(String header) {
    return header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).strip()
        : "";
  }

  /** The first value of {@code name} in the query string, decoded; null when there is none. */
  static @Nullable String queryParameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1));
      }
    }
    return null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return ""; // malformed escapes: no key of ours
    }
  }

  private void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    problems.write(response, Problems.detail(HttpStatus.UNAUTHORIZED, detail));
  }

  /**
   * The request as seen by everything after: server and metrics keys are its principal, which is
   * what lets the health endpoint show its details to them (and to no one else).
   */
  private static final class Identified extends HttpServletRequestWrapper {
    private final @Nullable Principal principal;

    Identified(HttpServletRequest request, Caller caller) {
      super(request);
      this.principal =
          caller.kind() == KeyKind.CLIENT ? null : (Principal) () -> "sdk-key:" + caller.keyName();
    }

    @Override
    public @Nullable Principal getUserPrincipal() {
      return principal;
    }
  }
}
