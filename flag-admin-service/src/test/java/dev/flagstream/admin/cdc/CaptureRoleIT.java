package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Capture runs as a role of its own with {@code REPLICATION} and the grants the documentation
 * lists, no more: no ownership, no superuser (finding M5, the capture's part).
 */
class CaptureRoleIT {
  private static final String TOPIC = "flags-role-" + UUID.randomUUID();
  private static final String ROLE = "flagstream_capture";

  @Test
  void aDedicatedReplicationRole_withTheDocumentedGrants_capturesEveryChange() throws Exception {
    String url = TestDatabase.server().createDatabaseIfMissing("cdc_role");
    String[] arguments = {
      "--server.port=0",
      "--spring.datasource.url=" + url,
      "--spring.datasource.username=" + LocalPostgres.USER,
      "--spring.datasource.password=",
      "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
      "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
      "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
      "--flags.cdc.slot-name=role_it",
      "--flags.cdc.username=" + ROLE,
      "--flags.cdc.password=capture-secret",
      "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
      "--flags.kafka.topic=" + TOPIC,
      "--flags.kafka.replication-factor=1"
    };
    // The schema first, as a deployment's migration would make it, then the grants.
    new SpringApplicationBuilder(AdminApplication.class).run(withoutCapture(arguments)).close();
    grant(url);

    try (ConfigurableApplicationContext admin =
            new SpringApplicationBuilder(AdminApplication.class).run(arguments);
        FlagTopicReader topic = new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
      Api api =
          new Api(((WebServerApplicationContext) admin).getWebServer().getPort())
              .as(TestAccounts.ADMIN_TOKEN);
      api.post("/api/admin/flags", "{\"name\":\"least-privilege\"}");
      topic.untilAsserted(
          Duration.ofSeconds(60),
          read -> assertThat(read.replay().get("least-privilege")).isNotNull());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  api.get("/health/capture")
                      .json()
                      .at("/components/cdc/details/role")
                      .asString()
                      .equals("CAPTURING"));
      // The slot is held by whichever connection streams from it; between a capture's first
      // reading and its streaming, or while it reconnects, no one holds it for a moment.
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(slotHolder(url))
                      .as("the slot streams to the capture role")
                      .isEqualTo(ROLE));
    }
  }

  /** The role of the connection streaming from the slot, or null when none does. */
  private static @Nullable String slotHolder(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
        Statement sql = connection.createStatement();
        ResultSet streamer =
            sql.executeQuery(
                "SELECT usename FROM pg_stat_activity WHERE pid ="
                    + " (SELECT active_pid FROM pg_replication_slots WHERE slot_name = 'role_it')")) {
      return streamer.next() ? streamer.getString(1) : null;
    }
  }

  private static String[] withoutCapture(String[] arguments) {
    String[] copy = arguments.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i].startsWith("--flags.cdc.username")) {
        copy[i] = "--flags.cdc.enabled=false";
      }
    }
    return copy;
  }

  /** The statements of docs/change-data-capture.md, "A role for capture". */
  private static void grant(String url) throws SQLException {
    try (Connection owner = DriverManager.getConnection(url, LocalPostgres.USER, "");
        Statement sql = owner.createStatement()) {
      sql.execute("CREATE ROLE " + ROLE + " LOGIN REPLICATION PASSWORD 'capture-secret'");
      sql.execute("GRANT SELECT ON feature_flags TO " + ROLE);
      sql.execute("GRANT SELECT, INSERT, UPDATE ON cdc_heartbeat, cdc_offsets TO " + ROLE);
      sql.execute("CREATE PUBLICATION flagstream_flags FOR TABLE feature_flags, cdc_heartbeat");
    }
  }
}
