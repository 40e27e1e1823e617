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
  })
  void onlyReadsOfTheProbes_arePublic(String method, String context, String path, boolean open) {
    assertThat(isPublic(method, context, path)).isEqualTo(open);
  }
}
