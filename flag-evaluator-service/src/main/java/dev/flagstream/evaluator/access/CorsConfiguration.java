package dev.flagstream.evaluator.access;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Browsers on {@code flags.cors.allowed-origins} may call the API; no origin by default. */
@Configuration
class CorsConfiguration implements WebMvcConfigurer {
  private final List<String> allowedOrigins;

  CorsConfiguration(@Value("${flags.cors.allowed-origins:}") List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    if (!allowedOrigins.isEmpty()) {
      registry
          .addMapping("/api/**")
          .allowedOrigins(allowedOrigins.toArray(String[]::new))
          .allowedMethods("GET", "POST")
          .allowedHeaders("Authorization", "Content-Type", "Last-Event-ID", "Flagstream-Revision")
          .exposedHeaders("Flagstream-Revision-Reached")
          .maxAge(3600);
    }
  }
}
