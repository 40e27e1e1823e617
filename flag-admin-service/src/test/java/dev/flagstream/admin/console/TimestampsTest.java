package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private final Timestamps times = new Timestamps();

  @Test
  void shown_isTheMinuteInUtc_roundedDown() {
    assertThat(times.shown(Instant.parse("2026-11-30T07:12:59.999Z")))
        .isEqualTo("2026-11-30 07:12 UTC");
  }

  @Test
  void shown_padsEveryField() {
    assertThat(times.shown(Instant.parse("2027-01-02T03:04:05Z")))
        .isEqualTo("2027-01-02 03:04 UTC");
  }

  @Test
  void precise_isTheSecondInUtc_roundedDown() {
    assertThat(times.precise(Instant.parse("2026-11-30T23:59:07.600Z")))
        .isEqualTo("2026-11-30 23:59:07 UTC");
  }

  @Test
  void iso_isTheInstantToTheMillisecond_asHtmlAllowsInADatetimeAttribute() {
    assertThat(times.iso(Instant.parse("2026-11-30T07:12:05.123456Z")))
        .isEqualTo("2026-11-30T07:12:05.123Z");
    assertThat(times.iso(Instant.parse("2026-11-30T07:12:00Z"))).isEqualTo("2026-11-30T07:12:00Z");
  }
}
