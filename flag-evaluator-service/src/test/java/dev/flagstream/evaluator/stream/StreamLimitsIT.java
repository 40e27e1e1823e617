package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.EventSource;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Streams over the caps are refused with a problem a browser can retry on. */
@EvaluatorTest
@TestPropertySource(properties = {"flags.stream.max-open=2", "flags.stream.max-open-per-key=1"})
class StreamLimitsIT {
  @LocalServerPort int port;

  @Test
  void streamsOverTheCaps_areRefused_withAProblemAndRetryAfter() {
    String base = "http://localhost:" + port + "/api/flags/stream?userId=u&key=" + Keys.CLIENT;
    try (EventSource first = new EventSource(base)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !first.events().isEmpty());
      RawHttp http = new RawHttp(port);
      RawHttp.Reply perKey = http.get("/api/flags/stream?userId=u&key=" + Keys.CLIENT);
      assertThat(perKey.status()).isEqualTo(429);
      assertThat(perKey.isProblem()).as(perKey.body()).isTrue();
      assertThat(perKey.header("Retry-After")).isEqualTo("5");
      try (EventSource second =
          new EventSource(
              "http://localhost:" + port + "/api/flags/stream?userId=u",
              "Authorization",
              "Bearer " + Keys.SERVER)) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !second.events().isEmpty());
        RawHttp.Reply full = http.get("/api/flags/stream?userId=u", Keys.bearer(Keys.METRICS));
        assertThat(full.status()).as("a metrics key may not stream at all").isEqualTo(403);
        RawHttp.Reply overall =
            http.get(
                "/api/flags/stream?userId=u",
                "Authorization",
                "Bearer " + Keys.SERVER,
                "Accept",
                "text/event-stream");
        assertThat(overall.status()).isEqualTo(503);
        assertThat(overall.isProblem()).as(overall.body()).isTrue();
        assertThat(overall.header("Retry-After")).isEqualTo("5");
      }
    }
  }
}
