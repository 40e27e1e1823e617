package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.e2e.fixtures.EventStream;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalCredentials;
import dev.flagstream.local.platform.LocalPlatform;
import dev.flagstream.local.platform.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform end to end: a change through the admin API reaches evaluators and embedded clients
 * without waiting for any refresh, and keeps reaching them through outages. The scenarios share one
 * platform and run in any order: each outage ends with the platform whole again.
 */
class PlatformIT {
  private static final Duration SECONDS = Duration.ofSeconds(20);
  private static LocalPlatform platform;
  private static LocalCredentials credentials;
  private static Http admin;
  private static Http serverSdk;
  private static Http clientSdk;

  @BeforeAll
  static void start() {
    platform = TestPlatform.start(PlatformIT.class);
    credentials = platform.credentials();
    admin = new Http(platform.admin().url(), credentials.token());
    serverSdk = new Http(platform.evaluator().url(), credentials.serverKey());
    clientSdk = new Http(platform.evaluator().url(), credentials.clientKey());
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Asserts that the admin service made the change: a scenario never goes on after a refusal. */
  private static void done(Http.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
  }

  private static boolean evaluatorSays(Http sdk, String flag, String user) {
    return sdk.get("/api/flags/" + flag + "/evaluation?userId=" + user)
        .json()
        .get("value")
        .asBoolean();
  }

  @Test
  void aChangeThroughTheAdminApi_reachesTheEvaluatorAndAnEmbeddedClient_withoutWaitingForARefresh()
      throws Exception {
    String flag = name("instant");
    try (FlagClient embedded =
        FlagClient.builder().kafka(platform.kafka().bootstrapServers()).build()) {
      assertThat(embedded.awaitReady(SECONDS)).isTrue();
      assertThat(admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\"}").status())
          .isEqualTo(201);
      await().atMost(Duration.ofSeconds(5)).until(() -> embedded.flag(flag) != null);
      assertThat(evaluatorSays(serverSdk, flag, "u-1")).isFalse();

      done(admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":true}"));
      await().atMost(Duration.ofSeconds(5)).until(() -> evaluatorSays(serverSdk, flag, "u-1"));
      await().atMost(Duration.ofSeconds(5)).until(() -> embedded.isEnabled(flag, "u-1"));

      var many =
          clientSdk
              .post(
                  "/api/evaluations",
                  "{\"userId\":\"u-1\",\"flags\":[\"" + flag + "\",\"unknown\"]}")
              .json();
      assertThat(many.at("/values/" + flag + "/value").asBoolean()).isTrue();
      assertThat(many.at("/values/unknown/value").asBoolean()).isFalse();
      assertThat(many.at("/values/unknown").has("reason"))
          .as("a client key sees values only")
          .isFalse();
      assertThat(many.get("revision").asLong()).isPositive();
    }
  }

  @Test
  void deleteThenRecreate_endsWithTheNewFlag() {
    String flag = name("phoenix");
    done(admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}"));
    done(admin.delete("/api/admin/flags/" + flag));
    done(
        admin.post(
            "/api/admin/flags",
            "{\"name\":\"" + flag + "\",\"enabled\":true,\"rolloutPercentage\":0}"));
    await()
        .atMost(SECONDS)
        .untilAsserted(
            () ->
                assertThat(
                        serverSdk
                            .get("/api/flags/" + flag + "/evaluation?userId=u-1")
                            .json()
                            .get("reason")
                            .asString())
                    .isEqualTo("OUT_OF_ROLLOUT"));
  }

  @Test
  void keys_guardTheApi_andOnlyServerKeysSeeDefinitions() {
    Http anonymous = new Http(platform.evaluator().url(), null);
    Http wrong = new Http(platform.evaluator().url(), "not-a-key");
    assertThat(anonymous.get("/api/flags/x/evaluation").status()).isEqualTo(401);
    assertThat(wrong.post("/api/evaluations", "{}").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/flags/stream?userId=u&key=nope").status()).isEqualTo(401);
    var forbidden = clientSdk.get("/api/flags/snapshot");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body()).doesNotContain("userAllowlist");
    var snapshot = snapshot(serverSdk);
    assertThat(snapshot.digest()).isEqualTo(FlagSnapshot.digestOf(snapshot.flags()));
    assertThat(snapshot.revision()).isPositive();
  }

  @Test
  void twoEvaluatorsAtTheSameRevision_holdTheSameFlags() {
    try (ServiceProcess second = platform.startEvaluator(Map.of())) {
      Http other = new Http(second.url(), credentials.serverKey());
      await()
          .atMost(SECONDS)
          .untilAsserted(
              () -> {
                var mine = snapshot(serverSdk);
                var theirs = snapshot(other);
                assertThat(theirs.revision()).isEqualTo(mine.revision());
                assertThat(theirs.digest()).isEqualTo(mine.digest());
              });
    }
  }

  private static FlagSnapshot snapshot(Http sdk) {
    return FlagSnapshot.fromJson(
        sdk.get("/api/flags/snapshot").body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBrowserStream_receivesNewValues_andAReconnectResumesFromItsLastEvent() {
    String flag = name("streamed");
    done(admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\"}"));
    await()
        .atMost(SECONDS)
        .until(
            () ->
                serverSdk.get("/api/flags/" + flag + "/evaluation").json().get("version").asLong()
                    > 0);
    String url = clientSdk.base() + "/api/flags/stream?userId=u-1&key=" + credentials.clientKey();
    String lastId;
    try (EventStream stream = new EventStream(url, null)) {
      await().atMost(SECONDS).until(() -> !stream.events.isEmpty());
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.events.get(0).name()).isEqualTo("snapshot");
      assertThat(stream.events.get(0).data().at("/values/" + flag).asBoolean()).isFalse();
      assertThat(stream.events.get(0).data().toString()).doesNotContain("userAllowlist");

      done(admin.post("/api/admin/flags/" + flag + "/toggle", null));
      await()
          .atMost(SECONDS)
          .untilAsserted(
              () -> {
                EventStream.Event last = stream.last();
                assertThat(last.name()).isEqualTo("flag");
                assertThat(last.data().get("flag").asString()).isEqualTo(flag);
                assertThat(last.data().get("value").asBoolean()).isTrue();
              });
      await().atMost(SECONDS).until(() -> stream.comments.contains("heartbeat"));
      lastId = stream.last().id();
    }
    done(admin.put("/api/admin/flags/" + flag + "/rollout", "{\"rolloutPercentage\":0}"));
    await().atMost(SECONDS).until(() -> !evaluatorSays(serverSdk, flag, "u-1"));
    try (EventStream resumed = new EventStream(url, lastId)) {
      await()
          .atMost(SECONDS)
          .untilAsserted(
              () -> {
                assertThat(resumed.events).isNotEmpty();
                assertThat(resumed.events.get(0).name())
                    .as("only what it missed")
                    .isEqualTo("flag");
                assertThat(resumed.events.get(0).data().get("value").asBoolean()).isFalse();
              });
    }
  }

  @Test
  void whileKafkaIsDown_valuesAreServed_andChangesArriveBySnapshot_thenByTheStreamWhenItReturns()
      throws Exception {
    String flag = name("outage");
    done(admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}"));
    try (ServiceProcess shortTtl = platform.startEvaluator(Map.of("flags.refresh-interval", "2s"));
        FlagClient embedded =
            FlagClient.builder().kafka(platform.kafka().bootstrapServers()).build()) {
      Http quick = new Http(shortTtl.url(), credentials.serverKey());
      assertThat(embedded.awaitReady(SECONDS)).isTrue();
      await()
          .atMost(SECONDS)
          .until(() -> evaluatorSays(quick, flag, "u-1") && embedded.isEnabled(flag, "u-1"));

      platform.kafka().stop();
      try {
        await().atMost(SECONDS).until(() -> embedded.status() == ClientStatus.STALE);
        assertThat(embedded.isEnabled(flag, "u-1")).as("the last known value").isTrue();
        assertThat(evaluatorSays(serverSdk, flag, "u-1")).isTrue();
        done(admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":false}"));
        await()
            .atMost(SECONDS)
            .alias("the kill switch reaches the evaluator through the admin snapshot")
            .until(() -> !evaluatorSays(quick, flag, "u-1"));
        assertThat(quick.get("/health/ready").status())
            .as("a stale store still serves")
            .isEqualTo(200);
      } finally {
        platform.kafka().start();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> !embedded.isEnabled(flag, "u-1"));
      await().atMost(Duration.ofSeconds(60)).until(() -> !evaluatorSays(serverSdk, flag, "u-1"));
      await().atMost(SECONDS).until(() -> embedded.status() == ClientStatus.READY);
    }
  }

  @Test
  void anEvaluatorRestartedWhilePostgresIsDown_rebuildsEveryFlagFromTheTopic() {
    String flag = name("durable");
    done(admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}"));
    await().atMost(SECONDS).until(() -> evaluatorSays(serverSdk, flag, "u-1"));
    platform.postgres().stop();
    try {
      platform.evaluator().restart(); // returns once it is ready again
      assertThat(evaluatorSays(serverSdk, flag, "u-1")).isTrue();
    } finally {
      platform.postgres().start();
      // Its connection pool backs off while the database is away, and answers 503 until it has
      // connected again: the next scenario starts with the platform whole.
      platform.admin().awaitReady();
    }
  }
}
