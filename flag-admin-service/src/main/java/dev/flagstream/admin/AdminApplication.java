package dev.flagstream.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Flagstream admin service: the source of truth for flags. */
// Users live in the database; Boot's default in-memory user with a logged password must not exist.
// Errors sent without a body are answered by the container's problem report (system package), not
// by Boot's /error page, whose JSON is no RFC 9457 problem.
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
    })
@ConfigurationPropertiesScan
public class AdminApplication {
  public static void main(String[] args) {
    SpringApplication.run(AdminApplication.class, args);
  }
}
