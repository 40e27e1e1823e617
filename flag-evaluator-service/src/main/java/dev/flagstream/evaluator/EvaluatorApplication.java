package dev.flagstream.evaluator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Flagstream evaluator: evaluates flags held in memory; needs Kafka, not a database. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EvaluatorApplication {
  /**
   * The evaluator's settings live in {@code flag-evaluator-service.yml}, not {@code
   * application.yml}, so that it can share a classpath with the admin service (the local platform
   * runs both in one JVM).
   */
  public static final String CONFIG_NAME = "flag-evaluator-service";

  public static void main(String[] args) {
    builder().run(args);
  }

  /** A builder of the evaluator with its own configuration file; start it with {@code run}. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(EvaluatorApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }
}
