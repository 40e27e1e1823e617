package dev.flagstream.client.spring.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.spring.InMemoryFlagsConfiguration;
import dev.flagstream.client.testing.InMemoryFlagClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service's own test, as the docs show it: the in-memory client instead of Kafka, flags set by
 * the test, even though the service's configuration names a broker.
 */
// tag::test[]
@SpringBootTest(properties = "flagstream.client.kafka.bootstrap-servers=kafka:9092")
@Import(InMemoryFlagsConfiguration.class)
class InMemoryFlagsTest {
  @Autowired InMemoryFlagClient flags;
  @Autowired Checkout checkout;

  @Test
  void theNewCheckout_showsWhenItsFlagIsOn() {
    flags.enable("new-checkout");
    assertThat(checkout.isNewFor("user-1")).isTrue();

    flags.disable("new-checkout");
    assertThat(checkout.isNewFor("user-1")).isFalse();
  }
}
// end::test[]
