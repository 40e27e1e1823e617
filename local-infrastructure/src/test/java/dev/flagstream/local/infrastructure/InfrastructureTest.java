package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/**
 * Choosing the infrastructure, and what the container one is set up to run. Nothing here starts a
 * container: that needs Docker, which CI's Testcontainers job has and these machines do not.
 */
class InfrastructureTest {
  @Test
  void theDefault_isTheEmbeddedInfrastructure_soAMachineWithoutDockerRunsEverything() {
    assertThat(Infrastructure.named(null)).isEqualTo(Infrastructure.EMBEDDED);
    assertThat(Infrastructure.named(" ")).isEqualTo(Infrastructure.EMBEDDED);
    assertThat(Infrastructure.named("embedded")).isEqualTo(Infrastructure.EMBEDDED);
    String before = System.clearProperty(Infrastructure.PROPERTY);
    try {
      assertThat(Infrastructure.selected()).isEqualTo(Infrastructure.EMBEDDED);
      System.setProperty(Infrastructure.PROPERTY, "containers");
      assertThat(Infrastructure.selected()).isEqualTo(Infrastructure.CONTAINERS);
    } finally {
      if (before == null) {
        System.clearProperty(Infrastructure.PROPERTY);
      } else {
        System.setProperty(Infrastructure.PROPERTY, before);
      }
    }
  }

  @Test
  void containers_isChosenByName_caseAside() {
    assertThat(Infrastructure.named("containers")).isEqualTo(Infrastructure.CONTAINERS);
    assertThat(Infrastructure.named(" CONTAINERS ")).isEqualTo(Infrastructure.CONTAINERS);
  }

  @Test
  void anUnknownName_isRefused_listingTheChoices() {
    assertThatThrownBy(() -> Infrastructure.named("docker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flagstream.infrastructure=docker is not one of [embedded, containers]");
  }

  @Test
  void containerPostgres_isTheComposeImage_withLogicalDecoding_andTheLocalServersSettings() {
    // Reading the container's image name would ask Docker for the image: the constant it is made
    // from is checked instead.
    var container = ContainerPostgres.configured();
    assertThat(ContainerPostgres.IMAGE).isEqualTo("postgres:17-bookworm");
    assertThat(List.of(container.getCommandParts()))
        .containsSubsequence("-c", "wal_level=logical")
        .contains("max_slot_wal_keep_size=1GB", "synchronous_commit=on");
    assertThat(container.getEnvMap())
        .containsEntry("POSTGRES_USER", "postgres")
        .containsEntry("POSTGRES_HOST_AUTH_METHOD", "trust");
    assertThat(container.getExposedPorts()).containsExactly(5432);
  }

  @Test
  void containerKafka_isApacheKafka_atTheVersionOfTheBuild_withOneReplicaInternalTopics() {
    var container = ContainerKafka.configured();
    assertThat(ContainerKafka.image()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    assertThat(container.getEnvMap())
        .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
  }

  @Test
  void bothInfrastructures_giveTheSameKindsOfServer() {
    assertThat(PostgresServer.class).isAssignableFrom(LocalPostgres.class);
    assertThat(PostgresServer.class).isAssignableFrom(ContainerPostgres.class);
    assertThat(KafkaServer.class).isAssignableFrom(LocalKafka.class);
    assertThat(KafkaServer.class).isAssignableFrom(ContainerKafka.class);
  }
}
