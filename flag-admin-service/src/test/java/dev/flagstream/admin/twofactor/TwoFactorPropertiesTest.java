package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoFactorPropertiesTest {

  @Test
  void theSecondStepTimeout_mustBePositive() {
    assertThatThrownBy(() -> new TwoFactorProperties(List.of(), Duration.ZERO, "Flagstream"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("second-step-timeout");
    assertThatThrownBy(() -> new TwoFactorProperties(List.of(), Duration.ofSeconds(-1), "F"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theIssuer_mustNotBeBlank() {
    assertThatThrownBy(() -> new TwoFactorProperties(List.of(), Duration.ofMinutes(5), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void theKeys_areCopied() {
    List<String> configured = new ArrayList<>(List.of("a:b"));
    TwoFactorProperties properties =
        new TwoFactorProperties(configured, Duration.ofMinutes(5), "Flagstream");
    configured.clear();

    assertThat(properties.encryptionKeys()).containsExactly("a:b");
  }
}
