package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicPathsTest {

  private static boolean isPublic(String method, String contextPath, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setContextPath(contextPath);
    return PublicPaths.isPublic(request);
  }

  @ParameterizedTest(name = "{0} {1}{2}: {3}")
  @CsvSource({
    "GET,     '',     /health/live,        true",
    "HEAD,    '',     /health/ready,       true",
    "POST,    '',     /health/live,        false",
    "OPTIONS, '',     /health/live,        false",
    "GET,     '',     /health,             false",
    "GET,     '',     /health/live/x,      false",
    "GET,     '',     /health/ready/store, false",
    "GET,     /flags, /flags/health/live,  true",
    "GET,     /flags, /health/live,        false",
    "GET,     /flags, /other/health/live,  false",
    "GET,     '',     /v3/api-docs,        true",
    "GET,     '',     /v3/api-docs/x,      true",
    "GET,     '',     /swagger-ui/index.html, true",
    "GET,     '',     /swagger-ui.html,    true",
    "POST,    '',     /v3/api-docs,        false",
    "GET,     '',     /v3/api-docsx,       false",
    "GET,     '',     /api/v3/api-docs,    false",
  })
  void onlyReadsOfTheProbesAndTheReference_arePublic(
      String method, String context, String path, boolean open) {
    assertThat(isPublic(method, context, path)).isEqualTo(open);
  }
}
