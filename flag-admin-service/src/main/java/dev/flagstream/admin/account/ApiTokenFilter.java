package dev.flagstream.admin.account;

import dev.flagstream.admin.system.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: an API token acts as its user, a server key
 * may read the flag snapshot and nothing else, a metrics key the metrics and nothing else. A
 * request that presents credentials which do not hold is refused at once rather than treated as
 * anonymous, and logged; a token never creates a session. Part of the security filter chain only,
 * not a servlet filter of its own.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";

  static final String SERVER_ROLE = "SERVER";
  static final String METRICS_ROLE = "METRICS";

  private final TokenRepository tokens;
  private final TokenUses uses;
  private final ServiceKeys keys;
  private final ProblemWriter problems;
  private final SecurityEvents events;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  ApiTokenFilter(
      TokenRepository tokens,
      TokenUses uses,
      ServiceKeys keys,
      ProblemWriter problems,
      SecurityEvents events) {
    this.tokens = tokens;
    this.uses = uses;
    this.keys = keys;
    this.problems = problems;
    this.events = events;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = Optional.empty();
    if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String secret = header.substring(BEARER.length()).strip();
      if (keys.isServerKey(secret)) {
        authenticate(key("server-key", SERVER_ROLE), request, response, chain);
        return;
      }
      if (keys.isMetricsKey(secret)) {
        authenticate(key("metrics-key", METRICS_ROLE), request, response, chain);
        return;
      }
      if (!secret.isEmpty()) {
        String tokenHash = TokenSecrets.hash(secret);
        caller = tokens.callerOf(tokenHash);
        caller.ifPresent(c -> uses.used(tokenHash));
      }
    }
    if (caller.isEmpty()) {
      events.caller(SecurityEvents.Event.TOKEN_REFUSED, null, request);
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flagstream\", error=\"invalid_token\"");
      problems.write(
          response,
          HttpStatus.UNAUTHORIZED,
          "the Authorization header does not hold a valid, unexpired API token");
      return;
    }
    authenticate(new CallerAuthentication(caller.get()), request, response, chain);
  }

  private static Authentication key(String name, String role) {
    return new PreAuthenticatedAuthenticationToken(
        name, "", List.of(new SimpleGrantedAuthority("ROLE_" + role)));
  }

  private void authenticate(
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws ServletException, IOException {
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      contexts.clearContext();
    }
  }
}
