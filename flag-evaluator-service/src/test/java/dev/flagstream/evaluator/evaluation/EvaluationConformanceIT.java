package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.EvaluationKit;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import dev.flagstream.evaluator.system.UserIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evaluation API answers every evaluation case of the conformance suite as the suite says: over
 * HTTP with a server key, from a store holding exactly the case's flags, on the single evaluation
 * and the bulk endpoint alike. The API reports no buckets, and refuses user ids longer than {@link
 * UserIds#MAX_LENGTH} characters: the cases with such ids check that refusal instead.
 */
@EvaluatorTest
class EvaluationConformanceIT extends EvaluationKit {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ScriptedFlagClient store;

  private void holdExactly(Map<String, Flag> flags) {
    store.flags().stream()
        .map(Flag::name)
        .filter(name -> !flags.containsKey(name))
        .toList()
        .forEach(store::remove);
    flags.values().forEach(store::set);
  }

  private RawHttp.Reply single(String flagName, @Nullable String userId) {
    String query =
        userId == null ? "" : "?userId=" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
    return new RawHttp(port)
        .get(
            "/api/flags/"
                + URLEncoder.encode(flagName, StandardCharsets.UTF_8)
                + "/evaluation"
                + query,
            Keys.bearer(Keys.SERVER));
  }

  private RawHttp.Reply bulk(String flagName, @Nullable String userId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("userId", userId);
    body.putArray("flags").add(flagName);
    return new RawHttp(port)
        .post("/api/evaluations", JSON.writeValueAsString(body), Keys.bearer(Keys.SERVER));
  }

  private static Outcome outcome(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return outcome(reply.json());
  }

  private static Outcome outcome(JsonNode result) {
    return new Outcome(result.get("value").asBoolean(), result.get("reason").asString(), null);
  }

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    holdExactly(flags);
    Outcome single = outcome(single(flagName, userId));
    RawHttp.Reply bulk = bulk(flagName, userId);
    assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
    assertThat(outcome(bulk.json().get("values").get(flagName)))
        .as("the bulk endpoint's answer")
        .isEqualTo(single);
    return single;
  }

  @Override
  protected boolean reportsBuckets() {
    return false;
  }

  @Override
  protected boolean takes(@Nullable String userId) {
    return userId == null || userId.length() <= UserIds.MAX_LENGTH;
  }

  /**
   * Both endpoints refuse with a 400 problem, and the bulk one, whose body carries any id, names
   * the field. (A single evaluation's id may be too long for a request line, which the server
   * refuses before the API sees it.)
   */
  @Override
  protected void assertRefused(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    holdExactly(flags);
    RawHttp.Reply single = single(flagName, userId);
    RawHttp.Reply bulk = bulk(flagName, userId);
    for (RawHttp.Reply reply : List.of(single, bulk)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.isProblem()).isTrue();
    }
    assertThat(bulk.json().at("/violations/0/field").asString()).isEqualTo("userId");
  }
}
