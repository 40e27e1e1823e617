package dev.flagstream.admin.sso;

import dev.flagstream.admin.system.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses password sign-in in an SSO-only deployment ({@code flags.sso.password-login=false})
 * before any password is looked at: 403, and nothing is counted, audited or changed. API tokens,
 * the bootstrap token among them, keep working.
 */
final class PasswordSignInOff extends OncePerRequestFilter {
  private final RequestMatcher passwordSignIn;
  private final ProblemWriter problems;
  private final String detail;

  PasswordSignInOff(RequestMatcher passwordSignIn, ProblemWriter problems, String displayName) {
    this.passwordSignIn = passwordSignIn;
    this.problems = problems;
    this.detail =
        "password sign-in is turned off here; sign in with "
            + displayName
            + " (GET /api/auth/providers says where)";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (passwordSignIn.matches(request)) {
      problems.write(response, HttpStatus.FORBIDDEN, detail);
      return;
    }
    chain.doFilter(request, response);
  }
}
