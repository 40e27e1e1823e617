package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.EventSource;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stream as a browser's EventSource sees it, over a real Tomcat. */
@EvaluatorTest
class StreamApiIT {
  private static final Duration SECONDS = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired ScriptedFlagClient flags;

  private String url(String query) {
    return "http://localhost:" + port + "/api/flags/stream?" + query;
  }

  @Test
  void aBrowser_getsItsValues_thenEachChange_withTheClientKeyInTheUrl() {
    flags.set(Flag.builder("sse-flag").enabled(false).version(1).build());
    try (EventSource browser = new EventSource(url("userId=u-1&key=" + Keys.CLIENT))) {
      await().atMost(SECONDS).until(() -> browser.status() != 0);
      assertThat(browser.status()).isEqualTo(200);
      await().atMost(SECONDS).until(() -> !browser.events().isEmpty());
      assertThat(browser.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      EventSource.Event first = browser.events().get(0);
      assertThat(first.name()).isEqualTo("snapshot");
      assertThat(first.data().at("/values/sse-flag").asBoolean()).isFalse();
      assertThat(first.data().has("revisionReached")).isFalse();
      flags.set(Flag.builder("sse-flag").enabled(true).rolloutPercentage(100).version(2).build());
      await().atMost(SECONDS).until(() -> Boolean.TRUE.equals(browser.lastValueOf("sse-flag")));
      assertThat(browser.events().toString()).doesNotContain("rolloutPercentage");
    }
  }

  @Test
  void withARevisionToken_theStreamWaitsForIt_thenBeginsWithTheNewValue() {
    flags.set(Flag.builder("sse-waited").enabled(false).version(1).build());
    try (EventSource browser =
        new EventSource(url("userId=u-1&minRevision=sse-waited@2&key=" + Keys.CLIENT))) {
      await().atMost(SECONDS).until(() -> flags.waiting() == 1);
      assertThat(browser.events()).as("nothing before the change is reached").isEmpty();
      flags.set(Flag.builder("sse-waited").enabled(true).rolloutPercentage(100).version(2).build());
      await().atMost(SECONDS).until(() -> !browser.events().isEmpty());
      EventSource.Event first = browser.events().get(0);
      assertThat(first.data().at("/values/sse-waited").asBoolean()).isTrue();
      assertThat(first.data().get("revisionReached").asBoolean()).isTrue();
      assertThat(browser.headers().firstValue("Flagstream-Revision-Reached")).contains("true");
    }
  }

  /** Two flags changed one revision apart, after every revision the store was at before. */
  private long twoChanges(String kept, String changed) {
    long before = Math.max(flags.revision(), 0) + 1_000;
    flags.revision(before + 1).set(Flag.builder(kept).enabled(true).version(1).build());
    flags.revision(before + 2).set(Flag.builder(changed).enabled(true).version(1).build());
    return before + 1;
  }

  @Test
  void aNewStream_resumesFromTheLastEventIdInItsUrl_gettingOnlyWhatChangedSince() {
    long resumeFrom = twoChanges("url-resume-kept", "url-resume-changed");
    try (EventSource browser =
        new EventSource(url("userId=u-1&lastEventId=" + resumeFrom + "&key=" + Keys.CLIENT))) {
      await().atMost(SECONDS).until(() -> !browser.events().isEmpty());
      EventSource.Event first = browser.events().get(0);
      assertThat(first.name()).as("no snapshot: only what was missed").isEqualTo("flag");
      assertThat(first.data().get("flag").asString()).isEqualTo("url-resume-changed");
      assertThat(first.id()).isEqualTo(Long.toString(resumeFrom + 1));
    }
  }

  @Test
  void theLastEventIdHeader_winsOverTheParameter_asTheBrowsersOwnReconnectSendsTheNewest() {
    long resumeFrom = twoChanges("header-resume-kept", "header-resume-changed");
    try (EventSource browser =
        new EventSource(
            url("userId=u-1&lastEventId=" + (resumeFrom - 1) + "&key=" + Keys.CLIENT),
            "Last-Event-ID",
            Long.toString(resumeFrom))) {
      await().atMost(SECONDS).until(() -> !browser.events().isEmpty());
      assertThat(browser.events().get(0).data().get("flag").asString())
          .isEqualTo("header-resume-changed");
    }
  }
}
