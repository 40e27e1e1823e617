package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalCredentials;
import dev.flagstream.local.platform.LocalPlatform;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A kill switch flipped while the Kafka broker is frozen (SIGSTOP: connections hang rather than
 * fail, the hardest outage to notice) reaches evaluators and embedded clients within seconds, not
 * at the next 60 s refresh: consumers that lost their stream refresh from snapshots every few
 * seconds until it is back. The admin service stays ready throughout, since it needs Kafka for
 * nothing but capture.
 */
class FrozenKafkaIT {
  private static final Duration SECONDS = Duration.ofSeconds(30);
  // Far below the 60 s refresh interval, well above the 2 s refresh of a stale consumer.
  private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

  private static boolean says(Http sdk, String flag) {
    return sdk.get("/api/flags/" + flag + "/evaluation?userId=u-1").json().get("value").asBoolean();
  }

  @Test
  void aKillSwitchFlippedWhileKafkaIsFrozen_reachesEvaluatorsAndClientsWithinSeconds()
      throws Exception {
    try (LocalPlatform platform = TestPlatform.start(FrozenKafkaIT.class)) {
      LocalCredentials credentials = platform.credentials();
      Http admin = new Http(platform.admin().url(), credentials.token());
      Http sdk = new Http(platform.evaluator().url(), credentials.serverKey());
      String flag = "kill-" + UUID.randomUUID().toString().substring(0, 8);
      String token =
          admin
              .post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}")
              .header("Flagstream-Revision");

      try (FlagClient embedded =
          FlagClient.builder()
              .kafka(platform.kafka().bootstrapServers())
              .evaluator(URI.create(sdk.base()), credentials.serverKey())
              .build()) {
        assertThat(embedded.awaitReady(SECONDS)).isTrue();
        assertThat(embedded.awaitRevision(token, SECONDS)).isTrue();
        await().atMost(SECONDS).until(() -> says(sdk, flag));

        platform.kafka().freeze();
        try {
          await().atMost(SECONDS).until(() -> embedded.status() == ClientStatus.STALE);
          Http.Reply off =
              admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":false}");
          assertThat(off.status()).as("writes commit without Kafka").isEqualTo(200);
          assertThat(admin.get("/health/ready").status())
              .as("the admin stays ready without Kafka")
              .isEqualTo(200);

          await()
              .atMost(WITHIN_SECONDS)
              .alias("the evaluator refreshes from the admin every few seconds while stale")
              .until(() -> !says(sdk, flag));
          await()
              .atMost(WITHIN_SECONDS)
              .alias("the embedded client refreshes from the evaluator every few seconds")
              .until(() -> !embedded.isEnabled(flag, "u-1"));
          assertThat(sdk.get("/health/ready").status())
              .as("a stale evaluator still serves")
              .isEqualTo(200);
        } finally {
          platform.kafka().thaw();
        }

        await().atMost(SECONDS).until(() -> embedded.status() == ClientStatus.READY);
        String after =
            admin
                .post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":true}")
                .header("Flagstream-Revision");
        assertThat(embedded.awaitRevision(after, SECONDS))
            .as("changes flow through the stream again")
            .isTrue();
        assertThat(embedded.isEnabled(flag, "u-1")).isTrue();
      }
    }
  }
}
