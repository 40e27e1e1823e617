package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A slot that fell further behind than {@code max_slot_wal_keep_size} allows is invalidated by
 * PostgreSQL ({@code wal_status = lost}) instead of filling the disk. Capture reports it, and
 * recovers on its own: it drops the slot, starts a new one with a snapshot, and deletes on the
 * topic what was deleted meanwhile (findings H7, M8).
 */
class InvalidatedSlotIT {
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final String TOPIC = "flags-invalidated-" + UUID.randomUUID();

  @Test
  void anInvalidatedSlot_isReported_thenReplaced_andNoDeletedFlagSurvivesOnTheTopic() {
    try (LocalPostgres postgres = LocalPostgres.builder().maxSlotWalKeepSize("1MB").start();
        ConfigurableApplicationContext admin =
            new SpringApplicationBuilder(AdminApplication.class)
                .run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.createDatabaseIfMissing("flagstream"),
                    "--spring.datasource.username=" + LocalPostgres.USER,
                    "--spring.datasource.password=",
                    "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
                    "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
                    "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
                    "--flags.cdc.slot-name=invalidated_it",
                    "--flags.cdc.slot-check-interval=500ms",
                    "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
                    "--flags.kafka.topic=" + TOPIC,
                    "--flags.kafka.replication-factor=1");
        FlagTopicReader topic = new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
      Api api =
          new Api(((WebServerApplicationContext) admin).getWebServer().getPort())
              .as(TestAccounts.ADMIN_TOKEN);
      JdbcClient jdbc = JdbcClient.create(admin.getBean(DataSource.class));
      api.post("/api/admin/flags", "{\"name\":\"kept\"}");
      api.post("/api/admin/flags", "{\"name\":\"gone\"}");
      topic.untilAsserted(
          WITHIN, read -> assertThat(read.replay().flags()).containsKeys("kept", "gone"));

      ChangeCapture capture = admin.getBean(ChangeCapture.class);
      capture.stop();
      try {
        jdbc.sql("DELETE FROM feature_flags WHERE name = 'gone'").update();
        jdbc.sql("INSERT INTO feature_flags (name) VALUES ('new')").update();
        outgrowTheSlotsAllowance(jdbc);
        await()
            .atMost(WITHIN)
            .untilAsserted(
                () -> {
                  var health = api.get("/health/capture");
                  assertThat(health.status()).isEqualTo(503);
                  assertThat(health.json().at("/components/cdc/details/slot/walStatus").asString())
                      .isEqualTo("lost");
                });
      } finally {
        capture.start();
      }

      topic.untilAsserted(
          WITHIN, read -> assertThat(read.replay().flags()).containsOnlyKeys("kept", "new"));
      await().atMost(WITHIN).until(() -> api.get("/health/capture").status() == 200);
      assertThat(
              jdbc.sql(
                      "SELECT wal_status FROM pg_replication_slots"
                          + " WHERE slot_name = 'invalidated_it'")
                  .query(String.class)
                  .single())
          .isNotEqualTo("lost");
    }
  }

  /** Writes and recycles log until a checkpoint has removed some the stopped slot still needs. */
  private static void outgrowTheSlotsAllowance(JdbcClient jdbc) {
    jdbc.sql("CREATE TABLE IF NOT EXISTS filler (data TEXT)").update();
    await()
        .atMost(WITHIN)
        .until(
            () -> {
              jdbc.sql("INSERT INTO filler SELECT repeat('x', 1000) FROM generate_series(1, 3000)")
                  .update();
              jdbc.sql("SELECT pg_switch_wal()").query().singleRow();
              jdbc.sql("CHECKPOINT").update();
              return "lost"
                  .equals(
                      jdbc.sql(
                              "SELECT wal_status FROM pg_replication_slots"
                                  + " WHERE slot_name = 'invalidated_it'")
                          .query(String.class)
                          .single());
            });
  }
}
