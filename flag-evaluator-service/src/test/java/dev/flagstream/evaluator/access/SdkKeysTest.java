package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdkKeysTest {
  private static final String SERVER = "server-0123456789abcdef";
  private static final String CLIENT = "client-0123456789abcdef";
  private static final String METRICS = "metrics-0123456789abcdef";
  private final SdkKeys keys =
      new SdkKeys(List.of("server-other-0123456789", SERVER), List.of(CLIENT), List.of(METRICS));

  @Test
  void find_tellsTheKindsApart_namesTheKeyByPosition_andIgnoresEverythingElse() {
    assertThat(keys.find(SERVER, false)).isEqualTo(new Caller(KeyKind.SERVER, "server-2", false));
    assertThat(keys.find(CLIENT, true)).isEqualTo(new Caller(KeyKind.CLIENT, "client-1", true));
    assertThat(keys.find(METRICS, false).kind()).isEqualTo(KeyKind.METRICS);
    assertThat(keys.find(SERVER.substring(1), false)).isNull();
    assertThat(keys.find(SERVER + "x", false)).isNull();
    assertThat(keys.find("", false)).isNull();
    assertThat(keys.find(null, false)).isNull();
  }

  @Test
  void startUp_isRefused_withoutServerOrClientKeys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SdkKeys(List.of(), List.of(), List.of(METRICS)))
        .withMessageContaining("no SDK keys")
        .withMessageContaining("flags.keys.server");
  }

  @Test
  void startUp_isRefused_forEmptyShortOrRepeatedKeys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SdkKeys(List.of(SERVER, ""), List.of(), List.of()))
        .withMessageContaining("flags.keys.server[1] is empty");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SdkKeys(List.of(SERVER), List.of("short-key"), List.of()))
        .withMessageContaining("flags.keys.client[0] is shorter than 16");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SdkKeys(List.of(SERVER), List.of(CLIENT), List.of(SERVER)))
        .withMessageContaining("flags.keys.metrics[0] is configured twice");
  }

  @Test
  void oneKindOfKeyIsEnough() {
    assertThat(new SdkKeys(List.of(), List.of(CLIENT), List.of()).find(CLIENT, false)).isNotNull();
  }

  @Test
  void aKeyOfSixteenCharacters_isLongEnough() {
    String sixteen = "k".repeat(SdkKeys.MIN_LENGTH);
    assertThat(new SdkKeys(List.of(sixteen), List.of(), List.of()).find(sixteen, false))
        .isNotNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SdkKeys(List.of(sixteen.substring(1)), List.of(), List.of()));
  }
}
