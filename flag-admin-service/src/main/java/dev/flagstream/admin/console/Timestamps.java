package dev.flagstream.admin.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How every page shows an instant: in UTC, which is what the audit log's filters take, to the
 * minute ({@code 2026-11-30 07:12 UTC}), or to the second where the order of entries within a
 * minute matters, as in the audit log and a flag's history. Pages show it through the layout's
 * fragments {@code shownTime}, {@code preciseTime} and {@code timeOr} (for an instant that may be
 * absent), each a {@code <time>} element whose {@code datetime} is the ISO-8601 instant, for
 * machines and screen readers. (None is named {@code time}: a fragment selector also matches
 * elements of its name, and the layout has several {@code <time>} elements.)
 */
final class Timestamps {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** {@code 2026-11-30 07:12 UTC}: the instant's minute, rounded down. */
  public String shown(Instant instant) {
    return MINUTES.format(instant);
  }

  /** {@code 2026-11-30 07:12:05 UTC}: the instant's second, rounded down. */
  public String precise(Instant instant) {
    return SECONDS.format(instant);
  }

  /**
   * {@code 2026-11-30T07:12:05.123Z}: the instant for a {@code datetime} attribute, to the
   * millisecond, as much as HTML allows there (the database keeps microseconds).
   */
  public String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
