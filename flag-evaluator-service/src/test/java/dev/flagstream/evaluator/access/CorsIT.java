package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.fixtures.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A browser's preflight carries no key and still gets its answer; the calls after it need one as
 * ever, and may read whether a change was reached.
 */
@EvaluatorTest
@TestPropertySource(properties = "flags.cors.allowed-origins=https://app.example")
class CorsIT {
  @LocalServerPort int port;

  @Test
  void aPreflightFromAnAllowedOrigin_isAnswered_withoutAKey() {
    RawHttp.Reply preflight =
        new RawHttp(port)
            .send(
                "OPTIONS",
                "/api/evaluations",
                null,
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type,flagstream-revision");
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .containsIgnoringCase("flagstream-revision");
  }

  @Test
  void aCallFromAnAllowedOrigin_needsItsKey_andMayReadTheRevisionAnswer() {
    RawHttp http = new RawHttp(port);
    assertThat(
            http.send("POST", "/api/evaluations", "{}", "Origin", "https://app.example").status())
        .isEqualTo(401);
    RawHttp.Reply call =
        http.send(
            "POST",
            "/api/evaluations?minRevision=absent@1:deleted",
            "{}",
            "Origin",
            "https://app.example",
            "Authorization",
            "Bearer " + Keys.CLIENT);
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.header("Access-Control-Expose-Headers"))
        .containsIgnoringCase("Flagstream-Revision-Reached");
  }

  @Test
  void aPreflightFromAnotherOrigin_isRefused() {
    RawHttp.Reply preflight =
        new RawHttp(port)
            .send(
                "OPTIONS",
                "/api/evaluations",
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");
    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.isProblem()).as(preflight.body()).isTrue();
    assertThat(preflight.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }
}
