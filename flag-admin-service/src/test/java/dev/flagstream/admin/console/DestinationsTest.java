package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class DestinationsTest {
  @ParameterizedTest
  @ValueSource(strings = {"/", "/flags/checkout?x=1", "/audit", "/flags/a%2Fb"})
  void safe_pathOfThisService_isFollowed(String next) {
    assertThat(Destinations.safe(next)).isEqualTo(next);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "flags",
        "/flags\\..\\x",
        "/flags\r\nSet-Cookie: x",
        "/flags\u007f",
        "javascript:alert(1)"
      })
  void safe_anythingElse_goesToTheDashboard(String next) {
    assertThat(Destinations.safe(next)).isEqualTo("/flags");
  }

  @Test
  void of_request_isItsPathAndQueryWithinTheContext() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/flags/checkout");
    request.setContextPath("/admin");
    request.setQueryString("tab=history");
    MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/audit");

    assertThat(Destinations.of(request)).isEqualTo("/flags/checkout?tab=history");
    assertThat(Destinations.of(plain)).isEqualTo("/audit");
    assertThat(Destinations.encode("/flags?q=a b")).isEqualTo("%2Fflags%3Fq%3Da+b");
  }
}
