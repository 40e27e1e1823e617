package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CanonicalPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/flags/snapshot",
        "/api/flags/new-checkout.v2/evaluation",
        "/health/live",
        "/",
        "/api/flags/a_b-c.d",
        "/api/flags/!~",
        "/api/flags/...",
        "/api/flags/.hidden"
      })
  void canonicalPaths_pass(String path) {
    assertThat(CanonicalPaths.refusal(path)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/%61pi/flags",
        "/api;x/flags",
        "/api\\flags",
        "//api",
        "/api//flags",
        "/api/./flags",
        "/api/../flags",
        "/api/flags/..",
        "/api/flags/.",
        "/api/fl ags",
        "/api/fl\u00e4gs",
        "/api/\u0000",
        "/api/\u007f",
        "api/flags",
        ""
      })
  void anythingElse_isRefused(String path) {
    assertThat(CanonicalPaths.refusal(path)).isNotNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/%2e%2e/x    | must not be percent-encoded",
        "/api/x;jsessionid=1 | must not carry ';' parameters",
        "/api\\x          | must not contain backslashes",
        "/api/x\u0020y    | must be printable ASCII",
        "/api/x\u007fy    | must be printable ASCII",
        "/api//x          | must not have empty segments",
        "api/x            | must not have empty segments",
        "/api/../x        | must not have '.' or '..' segments",
        "/api/./x         | must not have '.' or '..' segments",
      })
  void theRefusal_saysWhatIsWrong(String path, String reason) {
    assertThat(CanonicalPaths.refusal(path)).isEqualTo(reason);
  }

  @Test
  void theFilter_answersA400ProblemNamingThePath_andPassesCanonicalPathsOn() throws Exception {
    CanonicalPaths filter = new CanonicalPaths(ProblemWriters.plain());

    MockHttpServletResponse refused = new MockHttpServletResponse();
    MockFilterChain notReached = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/%2e%2e/x"), refused, notReached);
    assertThat(notReached.getRequest()).isNull();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
        .contains("path")
        .contains("must not be percent-encoded");

    MockHttpServletResponse passed = new MockHttpServletResponse();
    MockFilterChain reached = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/flags/x"), passed, reached);
    assertThat(reached.getRequest()).isNotNull();
    assertThat(passed.getStatus()).isEqualTo(200);
  }
}
