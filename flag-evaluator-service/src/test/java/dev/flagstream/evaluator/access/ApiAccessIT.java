package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what, over a real Tomcat with paths sent byte for byte: every endpoint against no
 * key and each kind of key, and the spellings of a path that once let a caller past the key check
 * (percent-encoding, {@code ;} parameters, dot segments, empty segments).
 */
@EvaluatorTest
class ApiAccessIT {
  private static final UUID LISTED = UUID.randomUUID();

  @LocalServerPort int port;
  @Autowired ScriptedFlagClient flags;
  RawHttp http;

  @BeforeEach
  void flags() {
    http = new RawHttp(port);
    flags.set(
        Flag.builder("secret-flag")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(LISTED))
            .build());
  }

  private RawHttp.Reply call(String method, String target, @Nullable String key) {
    String body = "POST".equals(method) ? "{\"userId\":\"u\"}" : null;
    return key == null
        ? http.send(method, target, body)
        : http.send(method, target, body, Keys.bearer(key));
  }

  @ParameterizedTest(name = "{0} {1}: no key {2}, client {3}, server {4}, metrics {5}")
  @CsvSource({
    "GET,  /api/flags/secret-flag/evaluation?userId=u, 401, 200, 200, 403",
    "POST, /api/evaluations,                          401, 200, 200, 403",
    "POST, /api/evaluations/values,                   401, 200, 200, 403",
    "GET,  /api/flags/snapshot,                        401, 403, 200, 403",
    "GET,  /api/flags/stream?userId=u,                 401, 200, 200, 403",
    "GET,  /health,                                    401, 403, 200, 200",
    "GET,  /health/live,                               200, 200, 200, 200",
    "GET,  /health/ready,                              200, 200, 200, 200",
    "GET,  /health/ready/store,                        401, 403, 200, 200",
    "GET,  /metrics,                                   401, 403, 200, 200",
    "GET,  /prometheus,                                401, 403, 200, 200",
    "GET,  /info,                                      401, 403, 200, 200",
    "GET,  /api/nothing-here,                          401, 404, 404, 404",
    "GET,  /api/flags/secret-flag,                     401, 404, 404, 404",
    "POST, /api/flags/snapshot,                        401, 405, 405, 405",
    "POST, /health/live,                               401, 405, 405, 405",
    "GET,  /error,                                     401, 403, 404, 404",
  })
  void everyEndpoint_answersEachKindOfKey_asItsTableSays(
      String method, String target, int none, int client, int server, int metrics) {
    int[] expected = {none, client, server, metrics};
    String[] keys = {null, Keys.CLIENT, Keys.SERVER, Keys.METRICS};
    for (int i = 0; i < keys.length; i++) {
      RawHttp.Reply reply = call(method, target, keys[i]);
      assertThat(reply.status())
          .as("%s %s with %s", method, target, keys[i])
          .isEqualTo(expected[i]);
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      if (reply.status() >= 400) {
        assertThat(reply.isProblem()).as("%s %s: %s", method, target, reply.body()).isTrue();
        assertThat(reply.json().get("type").asString())
            .startsWith("https://flagstream.dev/problems/");
        assertThat(reply.body()).doesNotContain("schemaVersion").doesNotContain(LISTED.toString());
      }
      if (reply.status() == 401) {
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/%61pi/flags/snapshot",
        "/api;x/flags/snapshot",
        "/api/flags/%73napshot",
        "/api/flags/snapshot;x",
        "/api/flags/snapshot;jsessionid=1",
        "/api/flags/%2e%2e/flags/snapshot",
        "/api/flags/x/%2e%2e/snapshot",
        "//api/flags/snapshot",
        "/api//flags/snapshot",
        "/api/./flags/snapshot",
        "/api/x/../flags/snapshot",
        "/api/flags/..%2f..%2fetc%2fpasswd",
        "/api/flags/%2fsnapshot",
        "/api/flags/snapshot%00",
        "/%68ealth",
        "/health/%6cive",
        "/health/live;x",
        "/api%2fflags%2fsnapshot",
      })
  void aPathNotInCanonicalForm_isRefusedWith400_whateverTheKey(String target) {
    for (String key : new String[] {null, Keys.CLIENT, Keys.SERVER}) {
      RawHttp.Reply reply = call("GET", target, key);
      assertThat(reply.status()).as("%s with %s: %s", target, key, reply.body()).isEqualTo(400);
      assertThat(reply.isProblem()).as(reply.body()).isTrue();
      assertThat(reply.json().get("type").asString())
          .isEqualTo("https://flagstream.dev/problems/invalid-request");
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.body()).doesNotContain("secret-flag").doesNotContain("schemaVersion");
    }
  }

  @Test
  void aRequestLineTomcatCannotParse_isAProblemToo_notAnHtmlPage() {
    byte[] head =
        ("GET /api/flags/{snapshot} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Reply reply = http.exchange(head, new byte[0]);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).as(reply.body()).isTrue();
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.body()).doesNotContain("<html").doesNotContain("Tomcat");
  }

  @Test
  void keysInTheQuery_areClientKeysOnTheStreamOnly() {
    assertThat(http.get("/api/flags/stream?userId=u&key=" + Keys.CLIENT).status()).isEqualTo(200);
    RawHttp.Reply server = http.get("/api/flags/stream?userId=u&key=" + Keys.SERVER);
    assertThat(server.status()).isEqualTo(401);
    assertThat(server.json().get("detail").asString()).contains("header");
    assertThat(http.get("/api/flags/stream?userId=u&key=" + Keys.METRICS).status()).isEqualTo(401);
    assertThat(http.get("/api/flags/snapshot?key=" + Keys.SERVER).status()).isEqualTo(401);
    assertThat(http.get("/api/flags/secret-flag/evaluation?key=" + Keys.CLIENT).status())
        .isEqualTo(401);
    assertThat(http.get("/api/flags/stream?userId=u&key=not-a-key-of-ours").status())
        .isEqualTo(401);
    assertThat(http.get("/api/flags/stream?userId=u&key=%zz").status()).isEqualTo(401);
  }

  @Test
  void aKeyThatIsNoKeyOfOurs_isRefused_evenWhereNoKeyIsNeeded() {
    assertThat(http.get("/health/live", Keys.bearer("not-a-key-of-ours")).status()).isEqualTo(401);
    assertThat(http.get("/health/live", "Authorization", "Basic " + Keys.SERVER).status())
        .isEqualTo(401);
  }

  @Test
  void theProbes_tellAnyoneTheirStatusOnly_andHealthDetailsAreForServerAndMetricsKeys() {
    assertThat(http.get("/health/ready").json().toString()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/health/live").json().toString()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/health/ready", Keys.bearer(Keys.CLIENT)).json().toString())
        .isEqualTo("{\"status\":\"UP\"}");
    for (String key : new String[] {Keys.SERVER, Keys.METRICS}) {
      var health = http.get("/health", Keys.bearer(key)).json();
      assertThat(health.at("/components/store/details/status").asString()).isEqualTo("READY");
      assertThat(health.at("/components/storeReader/status").asString()).isEqualTo("UP");
    }
  }
}
