package dev.flagstream.admin.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions, {@code flags.session.*}. The idle timeout is Spring's {@code
 * server.servlet.session.timeout} (30 minutes unless configured), which every new session carries
 * as its maximum inactive interval.
 *
 * @param secureCookies whether the session and CSRF cookies are {@code Secure}, sent over HTTPS
 *     only; the session cookie is then also named with the {@code __Host-} prefix, which browsers
 *     accept only from a secure origin with {@code Path=/} and no {@code Domain}, so no other host
 *     can plant or overwrite it. Turn it off only for plain-HTTP development.
 * @param absoluteTimeout how long a session lasts after signing in, however active it is
 */
@ConfigurationProperties("flags.session")
public record SessionPolicy(
    @DefaultValue("true") boolean secureCookies, @DefaultValue("12h") Duration absoluteTimeout) {
  static final String COOKIE = "FLAGSTREAM_SESSION";

  public SessionPolicy {
    if (absoluteTimeout.isNegative() || absoluteTimeout.isZero()) {
      throw new IllegalArgumentException("flags.session.absolute-timeout must be positive");
    }
  }

  /** The session cookie's name. */
  public String cookieName() {
    return secureCookies ? "__Host-" + COOKIE : COOKIE;
  }
}
