package dev.flagstream.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.spring.FlagstreamClientProperties.StaleHealth;
import dev.flagstream.client.testing.InMemoryFlagClient;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthReportTest {

  @ParameterizedTest
  @CsvSource({
    "READY, UP, UP",
    "READY, OUT_OF_SERVICE, UP",
    "STALE, UP, UP",
    "STALE, OUT_OF_SERVICE, OUT_OF_SERVICE",
    "STARTING, UP, UNKNOWN",
    "STARTING, OUT_OF_SERVICE, UNKNOWN",
    "ERROR, UP, DOWN",
    "ERROR, OUT_OF_SERVICE, DOWN"
  })
  void status_followsTheClients_staleAsConfigured(
      ClientStatus status, StaleHealth stale, String expected) {
    assertThat(HealthReport.of(clientIn(status), stale).status()).isEqualTo(expected);
  }

  @Test
  void details_sayStatusRevisionDataAgeFlagsAndSkippedRecords() {
    FlagClient client = new InMemoryFlagClient().enable("a").enable("b");
    assertThat(HealthReport.of(client, StaleHealth.UP).details())
        .containsExactly(
            entry("status", "READY"),
            entry("revision", -1L),
            entry("dataAge", "PT0S"),
            entry("flags", 2),
            entry("skippedRecords", 0L));
  }

  /** An in-memory client that reports {@code status}. */
  static FlagClient clientIn(ClientStatus status) {
    InMemoryFlagClient flags = new InMemoryFlagClient();
    return (FlagClient)
        Proxy.newProxyInstance(
            FlagClient.class.getClassLoader(),
            new Class<?>[] {FlagClient.class},
            (proxy, method, args) ->
                method.getName().equals("status") ? status : method.invoke(flags, args));
  }
}
