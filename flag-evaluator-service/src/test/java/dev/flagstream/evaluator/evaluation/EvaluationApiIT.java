package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation API's answers: the whole evaluation for server keys, the value alone for client
 * keys, and the snapshot of definitions for server keys only.
 */
@EvaluatorTest
class EvaluationApiIT {
  private static final UUID LISTED = UUID.randomUUID();

  @LocalServerPort int port;
  @Autowired ScriptedFlagClient flags;
  RawHttp http;

  @BeforeEach
  void flags() {
    http = new RawHttp(port);
    flags.set(Flag.builder("api-on").enabled(true).rolloutPercentage(100).version(3).build());
    flags.set(
        Flag.builder("api-listed")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(LISTED))
            .version(7)
            .build());
  }

  @AfterEach
  void healthyAgain() {
    flags.dataAge(Duration.ZERO);
  }

  private static List<String> fieldNames(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }

  @Test
  void oneFlag_forAServerKey_isTheWholeEvaluation() {
    JsonNode result =
        http.get("/api/flags/api-listed/evaluation?userId=" + LISTED, Keys.bearer(Keys.SERVER))
            .json();
    assertThat(result.get("value").asBoolean()).isTrue();
    assertThat(result.get("reason").asString()).isEqualTo("ALLOWLISTED");
    assertThat(result.get("version").asLong()).isEqualTo(7);
    JsonNode unknown = http.get("/api/flags/api-nope/evaluation", Keys.bearer(Keys.SERVER)).json();
    assertThat(unknown.get("reason").asString()).isEqualTo("FLAG_NOT_FOUND");
    assertThat(unknown.get("version").asLong()).isZero();
  }

  @Test
  void oneFlag_forAClientKey_isTheValueAlone_soAllowlistsAndUnknownFlagsCannotBeTold() {
    RawHttp.Reply listed =
        http.get("/api/flags/api-listed/evaluation?userId=" + LISTED, Keys.bearer(Keys.CLIENT));
    assertThat(fieldNames(listed.json())).containsExactly("flag", "value", "revision");
    assertThat(listed.json().get("value").asBoolean()).isTrue();
    JsonNode off =
        http.get("/api/flags/api-listed/evaluation?userId=someone", Keys.bearer(Keys.CLIENT))
            .json();
    JsonNode unknown =
        http.get("/api/flags/api-nope/evaluation?userId=someone", Keys.bearer(Keys.CLIENT)).json();
    assertThat(fieldNames(off)).isEqualTo(fieldNames(unknown)).doesNotContain("reason", "version");
    assertThat(off.get("value").asBoolean()).isFalse();
    assertThat(unknown.get("value").asBoolean()).isFalse();
  }

  @Test
  void manyFlags_forAClientKey_listEveryValueForOneUser_butNoDefinitions() {
    RawHttp.Reply reply =
        http.post("/api/evaluations", "{\"userId\":\"" + LISTED + "\"}", Keys.bearer(Keys.CLIENT));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode values = reply.json().get("values");
    assertThat(fieldNames(values.get("api-listed"))).containsExactly("flag", "value", "revision");
    assertThat(values.at("/api-listed/value").asBoolean()).isTrue();
    assertThat(values.at("/api-on/value").asBoolean()).isTrue();
    assertThat(reply.body())
        .doesNotContain("reason")
        .doesNotContain("userAllowlist")
        .doesNotContain("rolloutPercentage");
    assertThat(reply.json().has("revisionReached")).as("no token, no answer about one").isFalse();
  }

  @Test
  void manyFlags_forAServerKey_areWholeEvaluations_ofTheFlagsNamed() {
    JsonNode values =
        http.post(
                "/api/evaluations",
                "{\"userId\":\"u\",\"flags\":[\"api-on\",\"api-nope\"]}",
                Keys.bearer(Keys.SERVER))
            .json()
            .get("values");
    assertThat(fieldNames(values)).containsExactly("api-on", "api-nope");
    assertThat(values.at("/api-on/reason").asString()).isEqualTo("FULL_ROLLOUT");
    assertThat(values.at("/api-nope/reason").asString()).isEqualTo("FLAG_NOT_FOUND");
  }

  @Test
  void manyValues_areEveryFlagsValueAlone_theSameForEveryKindOfKey() {
    String body = "{\"userId\":\"" + LISTED + "\"}";
    RawHttp.Reply reply = http.post("/api/evaluations/values", body, Keys.bearer(Keys.CLIENT));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(fieldNames(reply.json())).containsExactly("userId", "revision", "values");
    assertThat(reply.json().get("userId").asString()).isEqualTo(LISTED.toString());
    JsonNode values = reply.json().get("values");
    assertThat(values.get("api-listed").isBoolean()).isTrue();
    assertThat(values.get("api-listed").asBoolean()).isTrue();
    assertThat(values.get("api-on").asBoolean()).isTrue();
    assertThat(reply.body()).doesNotContain("reason").doesNotContain("version");
    RawHttp.Reply server = http.post("/api/evaluations/values", body, Keys.bearer(Keys.SERVER));
    assertThat(server.json().get("values")).isEqualTo(values);
    JsonNode someoneElse =
        http.post("/api/evaluations/values", "{\"userId\":\"u\"}", Keys.bearer(Keys.CLIENT))
            .json()
            .get("values");
    assertThat(someoneElse.get("api-listed").asBoolean()).isFalse();
  }

  @Test
  void manyValues_ofTheFlagsNamed_inTheirOrder_unknownOnesOff() {
    JsonNode values =
        http.post(
                "/api/evaluations/values",
                "{\"userId\":\"u\",\"flags\":[\"api-nope\",\"api-on\"]}",
                Keys.bearer(Keys.CLIENT))
            .json()
            .get("values");
    assertThat(fieldNames(values)).containsExactly("api-nope", "api-on");
    assertThat(values.get("api-nope").asBoolean()).isFalse();
    assertThat(values.get("api-on").asBoolean()).isTrue();
  }

  @Test
  void theSnapshot_isFreshAsOfTheStoresDataAge_andAnswersNotModifiedForItsDigest() {
    flags.dataAge(Duration.ofSeconds(90));
    RawHttp.Reply reply = http.get("/api/flags/snapshot", Keys.bearer(Keys.SERVER));
    FlagSnapshot snapshot = FlagSnapshot.fromJson(reply.body().getBytes(StandardCharsets.UTF_8));
    assertThat(snapshot.freshAt()).isEqualTo(snapshot.generatedAt().minusSeconds(90));
    assertThat(snapshot.flags()).extracting(Flag::name).contains("api-on", "api-listed");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    RawHttp.Reply again =
        http.get(
            "/api/flags/snapshot",
            "Authorization",
            "Bearer " + Keys.SERVER,
            "If-None-Match",
            reply.header("ETag"));
    assertThat(again.status()).isEqualTo(304);
    RawHttp.Reply listed =
        http.get(
            "/api/flags/snapshot",
            "Authorization",
            "Bearer " + Keys.SERVER,
            "If-None-Match",
            "\"older\", W/" + reply.header("ETag"));
    assertThat(listed.status())
        .as("the same comparison as the admin's: any tag of a list, weakly")
        .isEqualTo(304);
  }
}
