package dev.flagstream.admin.session;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session cookie: named, scoped and flagged as {@link SessionPolicy} says. */
@Configuration
class SessionCookies {
  @Bean
  DefaultCookieSerializerCustomizer sessionCookie(SessionPolicy sessions) {
    return cookie -> {
      cookie.setCookieName(sessions.cookieName());
      cookie.setUseSecureCookie(sessions.secureCookies());
      cookie.setCookiePath("/");
      cookie.setDomainName(null);
      cookie.setUseHttpOnlyCookie(true);
      // Lax, not Strict: a link into the console from a chat or an email, and the single sign-on
      // provider's redirect back, must arrive signed in. Lax still keeps the cookie off every
      // cross-site POST, and every write needs the CSRF token besides.
      cookie.setSameSite("Lax");
    };
  }
}
