package dev.flagstream.evaluator.access;

import dev.flagstream.evaluator.system.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Browsers on {@code flags.cors.allowed-origins} may call the API; no origin by default. A refused
 * cross-origin request is a problem, like every other refusal.
 */
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

  @Bean
  static BeanPostProcessor problemCorsRefusals() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof AbstractHandlerMapping mapping) {
          mapping.setCorsProcessor(new ProblemCorsProcessor());
        }
        return bean;
      }
    };
  }

  /** Spring's CORS checks, refusing with a problem rather than plain text. */
  private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
    private static final byte[] REFUSAL =
        Problems.json(403, "this origin may not call the evaluator")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
      response.setStatusCode(HttpStatus.FORBIDDEN);
      response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      response.getBody().write(REFUSAL);
      response.flush();
    }
  }
}
