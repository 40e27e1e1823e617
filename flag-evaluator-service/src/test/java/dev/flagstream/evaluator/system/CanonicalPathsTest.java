package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/flags/snapshot",
        "/api/flags/new-checkout.v2/evaluation",
        "/health/live",
        "/",
        "/api/flags/a_b-c.d"
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
        "api/flags",
        ""
      })
  void anythingElse_isRefused(String path) {
    assertThat(CanonicalPaths.refusal(path)).isNotNull();
  }
}
