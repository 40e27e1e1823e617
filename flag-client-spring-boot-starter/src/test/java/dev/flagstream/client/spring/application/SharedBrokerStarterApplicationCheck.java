package dev.flagstream.client.spring.application;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;

/**
 * The starter's service against the broker the compatibility matrix shares, named by the system
 * property {@code flagstream.kafka}: how a consumer project on another Boot line runs {@link
 * StarterApplicationChecks}, naming it in its Surefire includes. No build picks it up by its name;
 * this module's own runs {@link StarterApplicationIT}.
 */
class SharedBrokerStarterApplicationCheck extends StarterApplicationChecks {

  /** As the consumer project's class path says: a web application where Spring MVC is there. */
  @Override
  protected @Nullable WebApplicationType webApplicationType() {
    return null;
  }

  @Override
  protected String bootstrapServers() {
    String servers = System.getProperty("flagstream.kafka");
    if (servers == null || servers.isBlank()) {
      throw new IllegalStateException("set flagstream.kafka to the shared broker's address");
    }
    return servers;
  }
}
