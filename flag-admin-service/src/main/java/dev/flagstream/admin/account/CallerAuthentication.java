package dev.flagstream.admin.account;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}. Its name is the user's id, under which sessions are indexed, so
 * that all of a user's sessions can be ended.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final Caller caller;

  CallerAuthentication(Caller caller) {
    this(caller, caller.role().authority());
  }

  /** {@code caller} with one authority other than their role's, such as enrolment alone. */
  CallerAuthentication(Caller caller, String authority) {
    super(List.of(new SimpleGrantedAuthority(authority)));
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public String getName() {
    return caller.id().toString();
  }
}
