package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

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
}
