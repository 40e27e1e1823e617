package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.EventSource;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The web server's buffers per connection have the sizes configured, and requests, answers and
 * streams many times their size pass whole.
 */
class ConnectionBuffersIT {
  private static final Duration SECONDS = Duration.ofSeconds(20);

  /** The running connector's socket read and write buffers and response buffer, in bytes. */
  private static void assertBuffers(
      WebServerApplicationContext context, int read, int write, int response) {
    Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    assertThat(connector.getProperty("socket.appReadBufSize")).hasToString(Integer.toString(read));
    assertThat(connector.getProperty("socket.appWriteBufSize"))
        .hasToString(Integer.toString(write));
    assertThat(connector.getProtocolHandler().getDesiredBufferSize()).isEqualTo(response);
  }

  @Nested
  @EvaluatorTest
  class ByDefault {
    @Autowired WebServerApplicationContext context;

    @Test
    void aConnectionReadsThroughOneKibibyte_writesThroughEight_andBuffersTwoOfAnAnswer() {
      assertBuffers(context, 1024, 8192, 2048);
    }
  }

  @Nested
  @EvaluatorTest
  @TestPropertySource(
      properties = {
        "flags.http.socket-read-buffer-size=512B",
        "flags.http.socket-write-buffer-size=512B",
        "flags.http.response-buffer-size=512B"
      })
  class Small {
    @LocalServerPort int port;
    @Autowired WebServerApplicationContext context;
    @Autowired ScriptedFlagClient flags;

    @BeforeEach
    void manyFlags() {
      IntStream.range(0, 200)
          .forEach(
              i ->
                  flags.set(
                      Flag.builder("buffered-" + i)
                          .enabled(true)
                          .rolloutPercentage(i % 2 == 0 ? 100 : 0)
                          .version(1)
                          .build()));
    }

    @Test
    void theConnector_hasTheConfiguredSizes() {
      assertBuffers(context, 512, 512, 512);
    }

    @Test
    void aRequestAndItsAnswer_manyBuffersLong_passWhole() {
      String names =
          IntStream.range(0, 200)
              .mapToObj(i -> "\"buffered-" + i + "\"")
              .collect(Collectors.joining(","));
      RawHttp.Reply reply =
          new RawHttp(port)
              .post(
                  "/api/evaluations/values",
                  "{\"userId\":\"u-1\",\"flags\":[" + names + "]}",
                  Keys.bearer(Keys.CLIENT));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.body().length()).isGreaterThan(4 * 512);
      assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(reply.body().length()));
      for (int i = 0; i < 200; i++) {
        assertThat(reply.json().at("/values/buffered-" + i).asBoolean()).isEqualTo(i % 2 == 0);
      }
    }

    @Test
    void theSnapshot_manyBuffersLong_passesWhole() {
      RawHttp.Reply reply = new RawHttp(port).get("/api/flags/snapshot", Keys.bearer(Keys.SERVER));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      FlagSnapshot snapshot = FlagSnapshot.fromJson(reply.body().getBytes(StandardCharsets.UTF_8));
      assertThat(snapshot.flags()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void aStream_getsItsFirstValuesLongerThanEveryBuffer_thenAChange() {
      try (EventSource browser =
          new EventSource(
              "http://localhost:" + port + "/api/flags/stream?userId=u-1&key=" + Keys.CLIENT)) {
        await().atMost(SECONDS).until(() -> !browser.events().isEmpty());
        assertThat(browser.events().get(0).data().get("values").size()).isGreaterThanOrEqualTo(200);
        flags.set(
            Flag.builder("buffered-1").enabled(true).rolloutPercentage(100).version(2).build());
        await().atMost(SECONDS).until(() -> Boolean.TRUE.equals(browser.lastValueOf("buffered-1")));
      }
    }
  }
}
