package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flags that existed before capture first started are published by the initial snapshot. */
class InitialSnapshotIT {
  private static final String TOPIC = "flags-snapshot-" + UUID.randomUUID();

  private static ConfigurableApplicationContext start(String url, boolean capture) {
    return new SpringApplicationBuilder(AdminApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + LocalPostgres.USER,
            "--spring.datasource.password=",
            "--flags.cdc.enabled=" + capture,
            "--flags.cdc.slot-name=snapshot_it",
            "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
            "--flags.kafka.topic=" + TOPIC,
            "--flags.kafka.replication-factor=1");
  }

  @Test
  void existingFlags_arePublished_whenCaptureFirstStarts() {
    String url = TestDatabase.server().createDatabaseIfMissing("cdc_snapshot");
    try (var withoutCapture = start(url, false)) {
      JdbcClient jdbc = JdbcClient.create(withoutCapture.getBean(DataSource.class));
      for (int i = 0; i < 5; i++) {
        jdbc.sql("INSERT INTO feature_flags (name, rollout_percentage) VALUES (?, ?)")
            .params("existing-" + i, i * 10)
            .update();
      }
    }
    try (var withCapture = start(url, true);
        FlagTopicReader topic = new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
      assertThat(withCapture.isActive()).as("the admin with capture is up").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                topic.poll();
                Map<String, Integer> held =
                    topic.replay().flags().values().stream()
                        .collect(Collectors.toMap(Flag::name, Flag::rolloutPercentage));
                assertThat(held)
                    .isEqualTo(
                        Map.of(
                            "existing-0",
                            0,
                            "existing-1",
                            10,
                            "existing-2",
                            20,
                            "existing-3",
                            30,
                            "existing-4",
                            40));
              });
      assertThat(topic.eventsOf("existing-0")).allMatch(event -> event.op() == ChangeOp.UPSERT);
    }
  }
}
