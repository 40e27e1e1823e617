package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.e2e.fixtures.EventStream;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.SharedPlatform;
import dev.flagstream.local.platform.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading one's own writes, as the README tour does: every flag write through the admin API answers
 * with a revision token, and a read from the evaluator that carries it sees that write, every time,
 * on the very next call; when the evaluator cannot catch up in time it says so.
 */
class ReadYourWritesTourIT {
  private static final String REVISION = "Flagstream-Revision";
  private static final String REACHED = "Flagstream-Revision-Reached";
  private static final Duration SECONDS = Duration.ofSeconds(30);

  private static LocalPlatform platform;
  private static Http admin;
  private static Http sdk;

  @BeforeAll
  static void start() {
    platform = SharedPlatform.get();
    admin = new Http(platform.admin().url(), platform.credentials().token());
    sdk = new Http(platform.evaluator().url(), platform.credentials().serverKey());
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Http.Reply evaluate(String flag, String token) {
    return sdk.send("GET", "/api/flags/" + flag + "/evaluation?userId=u-1", null, REVISION, token);
  }

  @Test
  void everyWrite_isSeenByTheVeryNextEvaluationThatCarriesItsToken() {
    String flag = name("tour");
    Http.Reply created =
        admin.post(
            "/api/admin/flags",
            "{\"name\":\"" + flag + "\",\"enabled\":true,\"rolloutPercentage\":0}");
    assertThat(created.header(REVISION))
        .isEqualTo(flag + "@" + created.json().get("version").asLong());

    Http.Reply first = evaluate(flag, created.header(REVISION));
    assertThat(first.json().get("reason").asString())
        .as("never FLAG_NOT_FOUND right after the create")
        .isEqualTo("OUT_OF_ROLLOUT");
    assertThat(first.json().get("revisionReached").asBoolean()).isTrue();
    assertThat(first.header(REACHED)).isEqualTo("true");

    for (int i = 0; i < 40; i++) {
      int rollout = i % 2 == 0 ? 100 : 0;
      Http.Reply changed =
          admin.put(
              "/api/admin/flags/" + flag + "/rollout", "{\"rolloutPercentage\":" + rollout + "}");
      Http.Reply read = evaluate(flag, changed.header(REVISION));
      assertThat(read.json().get("version").asLong())
          .as("write %d", i)
          .isEqualTo(changed.json().get("version").asLong());
      assertThat(read.json().get("value").asBoolean()).isEqualTo(rollout == 100);
    }

    Http.Reply deleted = admin.delete("/api/admin/flags/" + flag);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.header(REVISION)).endsWith(":deleted");
    Http.Reply gone = evaluate(flag, deleted.header(REVISION));
    assertThat(gone.json().get("reason").asString()).isEqualTo("FLAG_NOT_FOUND");
    assertThat(gone.json().get("revisionReached").asBoolean()).isTrue();
  }

  @Test
  void bulkEvaluations_theSnapshotAndTheStream_takeTheTokenToo() {
    String flag = name("everywhere");
    Http.Reply created =
        admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}");
    String token = created.header(REVISION);

    Http.Reply bulk =
        sdk.send(
            "POST",
            "/api/evaluations",
            "{\"userId\":\"u-1\",\"flags\":[\"" + flag + "\"]}",
            REVISION,
            token);
    assertThat(bulk.json().at("/values/" + flag + "/value").asBoolean()).isTrue();
    assertThat(bulk.json().get("revisionReached").asBoolean()).isTrue();

    Http.Reply snapshot = sdk.send("GET", "/api/flags/snapshot?minRevision=" + token, null);
    assertThat(snapshot.header(REACHED)).isEqualTo("true");
    assertThat(
            FlagSnapshot.fromJson(snapshot.body().getBytes(StandardCharsets.UTF_8)).flags().stream()
                .anyMatch(held -> held.name().equals(flag)))
        .isTrue();

    Http.Reply toggled = admin.post("/api/admin/flags/" + flag + "/toggle", null);
    String url =
        sdk.base()
            + "/api/flags/stream?userId=u-1&key="
            + platform.credentials().clientKey()
            + "&minRevision="
            + toggled.header(REVISION);
    try (EventStream stream = new EventStream(url, null)) {
      await().atMost(SECONDS).until(() -> !stream.events.isEmpty());
      assertThat(stream.events.get(0).name()).isEqualTo("snapshot");
      assertThat(stream.events.get(0).data().at("/values/" + flag).asBoolean())
          .as("the stream starts from the toggled value")
          .isFalse();
    }
  }

  @Test
  void aTokenTheEvaluatorCannotReach_isAnsweredWithWhatItHas_andSaysSo() {
    String flag = name("future");
    Http.Reply created =
        admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}");
    long version = created.json().get("version").asLong();
    evaluate(flag, created.header(REVISION));

    Http.Reply ahead = evaluate(flag, flag + "@" + (version + 1_000));
    assertThat(ahead.status()).isEqualTo(200);
    assertThat(ahead.header(REACHED)).isEqualTo("false");
    assertThat(ahead.json().get("revisionReached").asBoolean()).isFalse();
    assertThat(ahead.json().get("version").asLong()).isEqualTo(version);

    Http.Reply malformed = evaluate(flag, "not a token");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("minRevision");
  }

  @Test
  void theJavaClient_readsItsOwnWrites_throughAwaitRevision() throws Exception {
    try (FlagClient embedded =
        FlagClient.builder().kafka(platform.kafka().bootstrapServers()).build()) {
      assertThat(embedded.awaitReady(SECONDS)).isTrue();
      String flag = name("embedded");
      Http.Reply created =
          admin.post("/api/admin/flags", "{\"name\":\"" + flag + "\",\"enabled\":true}");

      assertThat(embedded.awaitRevision(created.header(REVISION), SECONDS)).isTrue();
      assertThat(embedded.isEnabled(flag, "u-1")).isTrue();
      assertThat(embedded.flag(flag).version()).isEqualTo(created.json().get("version").asLong());
    }
  }
}
