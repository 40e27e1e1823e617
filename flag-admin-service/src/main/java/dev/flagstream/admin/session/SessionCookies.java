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
      cookie.setSameSite("Strict");
    };
  }
}
