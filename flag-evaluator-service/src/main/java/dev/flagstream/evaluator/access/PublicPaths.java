package dev.flagstream.evaluator.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * The only paths anyone may read without a key: the liveness and readiness probes, which answer
 * their status and nothing more, and the API reference (OpenAPI and Swagger UI), which describes
 * the API and holds no data. Compared with the raw path, which is the path the router matches once
 * the path has passed the canonical-path check; any other spelling needs a key.
 */
final class PublicPaths {
  private static final Set<String> PROBES =
      Set.of("/health/live", "/health/ready", "/v3/api-docs", "/swagger-ui.html");
  private static final List<String> REFERENCE = List.of("/v3/api-docs/", "/swagger-ui/");

  private PublicPaths() {}

  static boolean isPublic(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String path = request.getRequestURI();
    String context = request.getContextPath();
    if (!path.startsWith(context)) {
      return false;
    }
    String local = path.substring(context.length());
    return PROBES.contains(local) || REFERENCE.stream().anyMatch(local::startsWith);
  }
}
