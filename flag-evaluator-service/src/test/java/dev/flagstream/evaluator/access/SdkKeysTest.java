package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdkKeysTest {
  private final SdkKeys keys = new SdkKeys(List.of("server-1", ""), List.of("client-1"));

  @Test
  void kindOf_tellsServerFromClientKeys_andIgnoresEverythingElse() {
    assertThat(keys.kindOf("server-1")).isEqualTo(SdkKeys.Kind.SERVER);
    assertThat(keys.kindOf("client-1")).isEqualTo(SdkKeys.Kind.CLIENT);
    assertThat(keys.kindOf("server-")).isNull();
    assertThat(keys.kindOf("server-12")).isNull();
    assertThat(keys.kindOf("")).as("an empty configured key matches nothing").isNull();
    assertThat(keys.kindOf(null)).isNull();
  }
}
