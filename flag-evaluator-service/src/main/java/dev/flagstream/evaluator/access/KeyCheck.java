package dev.flagstream.evaluator.access;

import dev.flagstream.evaluator.system.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides, once the router has picked the handler, whether the caller's key may call it: by the
 * method's {@link KeyRequired}, so that no spelling of a path reaches a handler with a key it does
 * not accept. Handlers without one (the management endpoints, anything the framework maps) take
 * server and metrics keys; the probes are open to all. Runs for every handler mapping, the
 * management endpoints' included.
 */
final class KeyCheck implements HandlerInterceptor {
  private static final List<KeyKind> MANAGEMENT = List.of(KeyKind.SERVER, KeyKind.METRICS);

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getDispatcherType() != DispatcherType.REQUEST
        || CorsUtils.isPreFlightRequest(request)) {
      return true; // an error or async dispatch of a request already checked; a CORS preflight
    }
    @Nullable Caller caller = callerOf(request);
    @Nullable KeyRequired required =
        handler instanceof HandlerMethod method
            ? method.getMethodAnnotation(KeyRequired.class)
            : null;
    if (required == null && PublicPaths.isPublic(request)) {
      return true;
    }
    List<KeyKind> accepted = required == null ? MANAGEMENT : Arrays.asList(required.value());
    boolean queryAllowed = required != null && required.inQuery();
    if (caller == null) {
      throw unauthenticated("send an SDK key as Authorization: Bearer <key>");
    }
    if (caller.keyInQuery() && !queryAllowed) {
      throw unauthenticated(
          "send the key as Authorization: Bearer <key>; only the stream takes ?key=");
    }
    if (!accepted.contains(caller.kind())) {
      throw Problems.of(HttpStatus.FORBIDDEN, "this call needs a key of another kind: " + accepted);
    }
    return true;
  }

  private static ErrorResponseException unauthenticated(String detail) {
    ErrorResponseException refusal = Problems.of(HttpStatus.UNAUTHORIZED, detail);
    refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flagstream\"");
    return refusal;
  }

  static @Nullable Caller callerOf(HttpServletRequest request) {
    return (Caller) request.getAttribute(Caller.ATTRIBUTE);
  }
}
