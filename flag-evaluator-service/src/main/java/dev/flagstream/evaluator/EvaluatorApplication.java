package dev.flagstream.evaluator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Flagstream evaluator: evaluates flags held in memory; needs Kafka, not a database. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EvaluatorApplication {
  public static void main(String[] args) {
    SpringApplication.run(EvaluatorApplication.class, args);
  }
}
