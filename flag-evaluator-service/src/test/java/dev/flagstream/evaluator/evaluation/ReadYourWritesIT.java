package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reading one's own writes: a read naming a change waits until the store has it, within the bounded
 * wait, and always says whether it got there.
 */
@EvaluatorTest
class ReadYourWritesIT {
  private static final Duration SECONDS = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired ScriptedFlagClient flags;
  RawHttp http;

  @BeforeEach
  void flags() {
    http = new RawHttp(port);
    flags.set(Flag.builder("ryw-flag").enabled(false).version(1).build());
  }

  @Test
  void aTokenReachedWhileTheRequestWaits_isAnsweredWithTheNewValue() {
    CompletableFuture<RawHttp.Reply> reply =
        CompletableFuture.supplyAsync(
            () ->
                http.get(
                    "/api/flags/ryw-flag/evaluation?userId=u",
                    "Authorization",
                    "Bearer " + Keys.SERVER,
                    "Flagstream-Revision",
                    "ryw-flag@2"));
    await().atMost(SECONDS).until(() -> flags.waiting() == 1);
    flags.set(Flag.builder("ryw-flag").enabled(true).rolloutPercentage(100).version(2).build());
    RawHttp.Reply answer = reply.join();
    assertThat(answer.json().get("value").asBoolean()).isTrue();
    assertThat(answer.json().get("version").asLong()).isEqualTo(2);
    assertThat(answer.json().get("revisionReached").asBoolean()).isTrue();
    assertThat(answer.header("Flagstream-Revision-Reached")).isEqualTo("true");
  }

  @Test
  void aTokenNeverReached_isAnsweredAfterTheWait_withWhatIsHeld_andSaysSo() {
    RawHttp.Reply answer =
        http.get("/api/flags/ryw-flag/evaluation?minRevision=ryw-flag@9", Keys.bearer(Keys.CLIENT));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("value").asBoolean()).isFalse();
    assertThat(answer.json().get("revisionReached").asBoolean()).isFalse();
    assertThat(answer.header("Flagstream-Revision-Reached")).isEqualTo("false");
  }

  @Test
  void aTokenAlreadyReached_isAnsweredAtOnce_onEveryRead() {
    RawHttp.Reply many =
        http.post(
            "/api/evaluations?minRevision=ryw-flag@1",
            "{\"userId\":\"u\",\"flags\":[\"ryw-flag\"]}",
            Keys.bearer(Keys.CLIENT));
    assertThat(many.json().get("revisionReached").asBoolean()).isTrue();
    assertThat(many.header("Flagstream-Revision-Reached")).isEqualTo("true");
    RawHttp.Reply values =
        http.post(
            "/api/evaluations/values?minRevision=ryw-flag@1",
            "{\"userId\":\"u\",\"flags\":[\"ryw-flag\"]}",
            Keys.bearer(Keys.CLIENT));
    assertThat(values.json().get("revisionReached").asBoolean()).isTrue();
    assertThat(values.header("Flagstream-Revision-Reached")).isEqualTo("true");
    RawHttp.Reply snapshot =
        http.get(
            "/api/flags/snapshot",
            "Authorization",
            "Bearer " + Keys.SERVER,
            "Flagstream-Revision",
            "ryw-flag@1, gone@4:deleted");
    assertThat(snapshot.header("Flagstream-Revision-Reached")).isEqualTo("true");
    assertThat(snapshot.json().get("revisionReached").asBoolean()).isTrue();
    assertThat(FlagSnapshot.fromJson(snapshot.body().getBytes(StandardCharsets.UTF_8)).flags())
        .extracting(Flag::name)
        .contains("ryw-flag");
  }

  @Test
  void aMalformedToken_isA400NamingMinRevision_inTheHeaderOrTheQuery() {
    for (RawHttp.Reply reply :
        new RawHttp.Reply[] {
          http.get(
              "/api/flags/ryw-flag/evaluation",
              "Authorization",
              "Bearer " + Keys.SERVER,
              "Flagstream-Revision",
              "ryw-flag"),
          http.get("/api/flags/snapshot?minRevision=Not@a@token", Keys.bearer(Keys.SERVER)),
          http.post("/api/evaluations?minRevision=", "{}", Keys.bearer(Keys.CLIENT)),
          http.get("/api/flags/stream?minRevision=x@-1", Keys.bearer(Keys.CLIENT))
        }) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.isProblem()).isTrue();
      assertThat(reply.json().at("/violations/0/field").asString()).isEqualTo("minRevision");
    }
  }
}
