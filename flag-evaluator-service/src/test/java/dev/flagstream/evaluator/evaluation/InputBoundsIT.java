package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every input is bounded before it costs anything, and every refusal is a problem: the body's size
 * (declared or chunked), the user id's length on every endpoint, the number of flags per request,
 * and the shape of the JSON.
 */
@EvaluatorTest
class InputBoundsIT {
  private static final String OVERLONG_USER = "u".repeat(257);

  @LocalServerPort int port;
  RawHttp http;

  @BeforeEach
  void connect() {
    http = new RawHttp(port);
  }

  private RawHttp.Reply post(String json) {
    return http.post("/api/evaluations", json, Keys.bearer(Keys.CLIENT));
  }

  private RawHttp.Reply postValues(String json) {
    return http.post("/api/evaluations/values", json, Keys.bearer(Keys.CLIENT));
  }

  private static void assertInvalid(RawHttp.Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("type").asString())
        .isEqualTo("https://flagstream.dev/problems/invalid-request");
    assertThat(reply.json().at("/violations/0/field").asString()).isEqualTo(field);
  }

  private static void assertTooLarge(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("type").asString())
        .isEqualTo("https://flagstream.dev/problems/payload-too-large");
  }

  @Test
  void aBodyOverTheLimit_isRefusedWith413_byItsDeclaredLength() {
    String padding = "x".repeat(65 * 1024);
    assertTooLarge(post("{\"userId\":\"u\",\"pad\":\"" + padding + "\"}"));
  }

  @Test
  void aChunkedBodyOverTheLimit_isRefusedWith413_asItIsCounted() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String chunk = "[" + "\"f\",".repeat(2_000) + "\"f\"]";
    byte[] open = "{\"userId\":\"u\",\"flags\":[".getBytes(StandardCharsets.US_ASCII);
    writeChunk(body, open);
    for (int i = 0; i < 12; i++) {
      writeChunk(body, ("\"" + "f".repeat(8_000) + "\",").getBytes(StandardCharsets.US_ASCII));
    }
    writeChunk(body, chunk.getBytes(StandardCharsets.US_ASCII));
    writeChunk(body, "]}".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head =
        "POST /api/evaluations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Authorization: Bearer "
            + Keys.CLIENT
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertTooLarge(http.exchange(head.getBytes(StandardCharsets.US_ASCII), body.toByteArray()));
  }

  private static void writeChunk(ByteArrayOutputStream body, byte[] chunk) {
    body.writeBytes(
        (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(chunk);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aUserIdOver256Characters_isA400NamingUserId_onEveryEndpoint() {
    assertInvalid(
        http.get("/api/flags/f/evaluation?userId=" + OVERLONG_USER, Keys.bearer(Keys.CLIENT)),
        "userId");
    assertInvalid(post("{\"userId\":\"" + OVERLONG_USER + "\"}"), "userId");
    assertInvalid(postValues("{\"userId\":\"" + OVERLONG_USER + "\"}"), "userId");
    assertInvalid(
        http.get("/api/flags/stream?userId=" + OVERLONG_USER, Keys.bearer(Keys.CLIENT)), "userId");
    assertThat(
            http.get("/api/flags/f/evaluation?userId=" + "u".repeat(256), Keys.bearer(Keys.CLIENT))
                .status())
        .isEqualTo(200);
  }

  @Test
  void moreThan1000Flags_isA400NamingFlags_and1000AreFine() {
    assertInvalid(post("{\"userId\":\"u\",\"flags\":[" + names(1_001) + "]}"), "flags");
    assertInvalid(postValues("{\"userId\":\"u\",\"flags\":[" + names(1_001) + "]}"), "flags");
    RawHttp.Reply thousand = post("{\"userId\":\"u\",\"flags\":[" + names(1_000) + "]}");
    assertThat(thousand.status()).isEqualTo(200);
    assertThat(thousand.json().get("values").size()).isEqualTo(1_000);
  }

  private static String names(int count) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < count; i++) {
      names.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
    }
    return names.toString();
  }

  @Test
  void jsonBeyondTheParsersLimits_isA400() {
    String deep = "[".repeat(40) + "]".repeat(40);
    RawHttp.Reply nested = post("{\"userId\":\"u\",\"flags\":" + deep + "}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.isProblem()).isTrue();
    RawHttp.Reply longString = post("{\"userId\":\"" + "u".repeat(20_000) + "\"}");
    assertInvalid(longString, "");
    assertThat(longString.json().at("/violations/0/reason").asString()).contains("JSON limit");
  }

  @Test
  void malformedBodies_areA400NamingWhatIsWrong() {
    assertInvalid(post("{\"userId\":"), "");
    assertInvalid(post("{\"user\":\"u\"}"), "user");
    assertInvalid(post("{\"userId\":\"u\",\"flags\":\"f\"}"), "flags");
    assertInvalid(post("{\"userId\":\"u\",\"flags\":[null]}"), "flags[0]");
    assertInvalid(postValues("{\"userId\":\"u\",\"flags\":[null]}"), "flags[0]");
    assertInvalid(postValues("{\"user\":\"u\"}"), "user");
  }

  @Test
  void theWrongMediaType_isA415Problem_andAnUnacceptableOneA406Problem() {
    RawHttp.Reply text =
        http.request("POST", "/api/evaluations", "text/plain", "{}", Keys.bearer(Keys.CLIENT));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.isProblem()).isTrue();
    assertThat(text.json().get("type").asString())
        .isEqualTo("https://flagstream.dev/problems/unsupported-media-type");
    RawHttp.Reply html =
        http.get(
            "/api/flags/stream?userId=u",
            "Authorization",
            "Bearer " + Keys.CLIENT,
            "Accept",
            "text/html");
    assertThat(html.status()).isEqualTo(406);
    assertThat(html.isProblem()).isTrue();
    assertThat(html.json().get("type").asString())
        .isEqualTo("https://flagstream.dev/problems/not-acceptable");
  }
}
