package dev.flagstream.admin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of the server's own, answered in {@code X-Request-Id}, put in the log
 * context and recorded with audit entries. A caller's own {@code X-Request-Id}, when it is a sane
 * token, is kept beside it as the client request id, so a change can be traced from the client's
 * logs to the audit log, yet no caller can make its requests look like another's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestIds extends OncePerRequestFilter {
  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final String CLIENT_ATTRIBUTE = ATTRIBUTE + ".client";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = UUID.randomUUID().toString();
    String offered = request.getHeader(HEADER);
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    MDC.put("requestId", id);
    if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
      request.setAttribute(CLIENT_ATTRIBUTE, offered);
      MDC.put("clientRequestId", offered);
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("requestId");
      MDC.remove("clientRequestId");
    }
  }

  /** The server's id of the request being served on this thread, or null outside a request. */
  public static @Nullable String current() {
    return attribute(ATTRIBUTE);
  }

  /** The id the caller of the current request sent, if it sent a sane one. */
  public static @Nullable String currentClientId() {
    return attribute(CLIENT_ATTRIBUTE);
  }

  /** The server's id of {@code request}, or null when it did not pass this filter. */
  public static @Nullable String of(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }

  private static @Nullable String attribute(String name) {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return (String) attributes.getRequest().getAttribute(name);
    }
    return null;
  }
}
