package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerStorageTest {

  @Test
  void properties_describeASingleNodeThatCreatesNoTopicsByItself(@TempDir Path data)
      throws IOException {
    Properties properties =
        load(
            new KafkaBrokerStorage(data, data.resolve("broker.log"))
                .writeProperties(9092, 9093, KafkaSasl.off()));

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@localhost:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("log.dirs", data.resolve("kraft-combined-logs").toString());
  }

  @Test
  void withSaslUsers_everyListenerAsksForCredentials_andOnlyTheBrokerIsSuperUser(@TempDir Path data)
      throws IOException {
    KafkaSasl sasl = KafkaSasl.plain(Map.of("writer", "writer-secret"));
    Properties properties =
        load(
            new KafkaBrokerStorage(data, data.resolve("broker.log"))
                .writeProperties(9092, 9093, sasl));

    assertThat(properties)
        .containsEntry("listeners", "SASL_PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
        .containsEntry(
            "listener.security.protocol.map",
            "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("super.users", "User:local-kafka")
        .containsEntry("allow.everyone.if.no.acl.found", "false");
    assertThat(properties.getProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config"))
        .contains("user_writer=\"writer-secret\"")
        .contains("username=\"local-kafka\"");
    assertThat(sasl.clientProperties("writer"))
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN");
    assertThatThrownBy(() -> sasl.clientProperties("stranger"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaSasl.plain(Map.of("writer", "a\" b")))
        .as("a quote would end the JAAS value")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KafkaSasl.off().clientProperties("anyone")).isEmpty();
  }

  @Test
  void format_happensOnce_soARestartKeepsTheClusterAndItsData(@TempDir Path data)
      throws IOException {
    KafkaBrokerStorage storage = new KafkaBrokerStorage(data, data.resolve("broker.log"));
    Path meta = data.resolve("kraft-combined-logs").resolve("meta.properties");

    storage.formatUnlessFormatted(storage.writeProperties(9092, 9093, KafkaSasl.off()));
    String clusterId = load(meta).getProperty("cluster.id");
    storage.formatUnlessFormatted(storage.writeProperties(9092, 9094, KafkaSasl.off()));

    assertThat(clusterId).isNotBlank();
    assertThat(load(meta).getProperty("cluster.id")).isEqualTo(clusterId);
  }

  @Test
  void explain_startsAtTheFirstError_whichNamesTheCause() {
    List<String> output =
        List.of(
            "10:00:00.001 [main] INFO kafka.Kafka - starting",
            "10:00:00.002 [main] ERROR kafka.network.DataPlaneAcceptor - Unable to start acceptor",
            "java.net.BindException: Address already in use",
            "10:00:00.003 [main] ERROR kafka.Kafka$ - FATAL Exiting Kafka");

    assertThat(KafkaBrokerStorage.explain(output))
        .startsWith("10:00:00.002 [main] ERROR kafka.network.DataPlaneAcceptor")
        .contains("Address already in use")
        .doesNotContain("starting");
  }

  @Test
  void explain_withoutAnError_givesTheLastFortyLines() {
    List<String> output = IntStream.range(0, 100).mapToObj(i -> "line " + i).toList();

    assertThat(KafkaBrokerStorage.explain(output).lines())
        .hasSize(40)
        .startsWith("line 60")
        .endsWith("line 99");
  }

  @Test
  void logLength_isZero_beforeTheFirstStart(@TempDir Path data) throws IOException {
    KafkaBrokerStorage storage = new KafkaBrokerStorage(data, data.resolve("broker.log"));
    assertThat(storage.logLength()).isZero();

    Files.writeString(storage.logFile(), "12345");
    assertThat(storage.logLength()).isEqualTo(5);
    assertThat(storage.explainOutputSince(2)).isEqualTo("345");
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
