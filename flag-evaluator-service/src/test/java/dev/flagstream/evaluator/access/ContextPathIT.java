package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Served under a context path, the API is guarded just the same; outside it, nothing is served. */
@EvaluatorTest
@TestPropertySource(properties = "server.servlet.context-path=/flagstream")
class ContextPathIT {
  @LocalServerPort int port;

  @Test
  void underAContextPath_keysAreCheckedAsWithout() {
    RawHttp http = new RawHttp(port);
    assertThat(http.get("/flagstream/api/flags/snapshot").status()).isEqualTo(401);
    assertThat(http.get("/flagstream/api/flags/snapshot", Keys.bearer(Keys.CLIENT)).status())
        .isEqualTo(403);
    assertThat(http.get("/flagstream/api/flags/snapshot", Keys.bearer(Keys.SERVER)).status())
        .isEqualTo(200);
    assertThat(http.get("/flagstream/health/ready").status()).isEqualTo(200);
    assertThat(http.get("/flagstream/metrics").status()).isEqualTo(401);
    assertThat(http.get("/health/ready").status())
        .as("the probe's path outside the context is not public")
        .isEqualTo(404);
  }

  @Test
  void underAContextPath_nonCanonicalSpellingsAreRefused() {
    RawHttp http = new RawHttp(port);
    for (String target :
        new String[] {
          "/flagstream/%61pi/flags/snapshot",
          "/flagstream;x/api/flags/snapshot",
          "/flagstream/api;x/flags/snapshot",
          "/%66lagstream/api/flags/snapshot",
          "//flagstream/api/flags/snapshot",
        }) {
      RawHttp.Reply reply = http.get(target);
      assertThat(reply.status()).as(target).isIn(400, 404);
      assertThat(reply.isProblem()).as(target + ": " + reply.body()).isTrue();
      assertThat(reply.body()).doesNotContain("schemaVersion");
    }
  }

  @Test
  void outsideTheContextPath_tomcatsNotFound_isAProblem() {
    RawHttp.Reply reply = new RawHttp(port).get("/api/flags/snapshot", Keys.bearer(Keys.SERVER));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.isProblem()).as(reply.body()).isTrue();
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
