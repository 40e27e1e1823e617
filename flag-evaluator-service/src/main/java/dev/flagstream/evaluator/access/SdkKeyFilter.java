package dev.flagstream.evaluator.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets {@code /api/**} through only with a key: the snapshot needs a server key; evaluations and
 * the stream take either. The stream also reads the key from {@code ?key=}, since a browser's
 * EventSource cannot send headers. Refusals are RFC 9457 problems and reveal nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class SdkKeyFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";

  private final SdkKeys keys;
  private final JsonMapper json;

  SdkKeyFilter(SdkKeys keys, JsonMapper json) {
    this.keys = keys;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/") || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean stream = request.getRequestURI().equals("/api/flags/stream");
    SdkKeys.Kind kind = keys.kindOf(key(request, stream));
    if (kind == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flagstream\"");
      refuse(response, 401, "unauthenticated", "send an SDK key as Authorization: Bearer <key>");
      return;
    }
    if (request.getRequestURI().equals("/api/flags/snapshot") && kind != SdkKeys.Kind.SERVER) {
      refuse(response, 403, "forbidden", "flag definitions need a server key");
      return;
    }
    chain.doFilter(request, response);
  }

  private static @Nullable String key(HttpServletRequest request, boolean stream) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return header.substring(BEARER.length()).strip();
    }
    return stream ? request.getParameter("key") : null;
  }

  private void refuse(HttpServletResponse response, int status, String type, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        Map.of(
            "type",
            "https://flagstream.dev/problems/" + type,
            "title",
            status == 401 ? "Unauthorized" : "Forbidden",
            "status",
            status,
            "detail",
            detail));
  }
}
