package dev.flagstream.contracts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 instants as {@link Instant#parse} does, faster for the form every Flagstream
 * writer produces.
 *
 * <p>That form, {@link Instant#toString()}'s ({@code 2026-12-02T13:11:06.123456Z}: UTC, seconds
 * always, a fraction of up to nine digits), is read here directly. {@code Instant.parse} builds a
 * parse context, a map of fields and a resolver for every call: reading a topic of 100,000 flags,
 * with two instants in each, spent half its time there. Any other text, an offset or a leap second
 * say, goes to {@code Instant.parse}, so what is accepted, what it means and what is refused are
 * exactly as before.
 */
final class IsoInstants {
  private static final int[] FRACTION_SCALE = {
    100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoInstants() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeParseException when {@link Instant#parse} refuses it
   */
  static Instant parse(CharSequence text) {
    Instant canonical = canonical(text);
    return canonical != null ? canonical : Instant.parse(text);
  }

  /**
   * The instant, when {@code text} is {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with up to nine fraction
   * digits and every field in range; null for any other text, which {@link Instant#parse} decides.
   */
  static @Nullable Instant canonical(CharSequence text) {
    int length = text.length();
    boolean whole = length == 20;
    boolean fraction = length >= 22 && length <= 30 && text.charAt(19) == '.';
    if (!(whole || fraction) || text.charAt(length - 1) != 'Z') {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int nanos = 0;
    if (fraction) {
      int digits = length - 21;
      int value = digits(text, 20, length - 1);
      if (value < 0) {
        return null;
      }
      nanos = value * FRACTION_SCALE[digits - 1];
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number of ASCII digits from {@code start} to {@code end}; -1 if another char. */
  private static int digits(CharSequence text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
