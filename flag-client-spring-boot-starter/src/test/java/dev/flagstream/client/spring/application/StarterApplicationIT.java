package dev.flagstream.client.spring.application;

import dev.flagstream.local.infrastructure.LocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The starter's service against a broker of its own, on the Boot line of this build. */
class StarterApplicationIT extends StarterApplicationChecks {
  private static LocalKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafka.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Override
  protected String bootstrapServers() {
    return kafka.bootstrapServers();
  }
}
