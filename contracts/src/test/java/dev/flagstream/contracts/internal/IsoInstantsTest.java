package dev.flagstream.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants are read as {@link Instant#parse} reads them, the writers' own form directly. */
class IsoInstantsTest {
  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  /** What Instant.parse makes of it: the instant, or empty when it refuses the text. */
  private static Optional<Instant> byTheJdk(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> byIsoInstants(String text) {
    try {
      return Optional.of(IsoInstants.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Test
  void everyInstantAsWritten_isReadDirectly_asTheJdkReadsIt() {
    Random random = new Random(20261202);
    for (int i = 0; i < 5_000; i++) {
      long seconds = YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      String written = Instant.ofEpochSecond(seconds, nanos).toString();
      assertThat(IsoInstants.canonical(written)).as(written).isEqualTo(Instant.parse(written));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00Z",
        "2000-02-29T00:00:00Z",
        "2026-12-31T23:59:59Z",
        "2026-01-31T00:00:00.1Z",
        "2026-01-31T00:00:00.12Z",
        "2026-01-31T00:00:00.1234Z",
        "2026-01-31T00:00:00.12345Z",
        "2026-01-31T00:00:00.1234567Z",
        "2026-01-31T00:00:00.12345678Z",
        "2026-04-30T09:09:09.000000001Z",
        "2026-06-15T12:30:45.0Z",
        "2026-06-15T12:30:45.000000000Z",
      })
  void boundariesAndFractionsOfEveryLength_areReadDirectly(String text) {
    assertThat(IsoInstants.canonical(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-02T13:11:06+01:00",
        "2026-12-02T13:11:06.5-05:30",
        "2026-12-31T23:59:60Z",
        "+12026-12-02T13:11:06Z",
        "2026-12-02T24:00:00Z",
        "2026-12-02T13:11:06.Z",
        "2026-12-02T13:11:06z",
        "2026-12-02t13:11:06Z",
      })
  void otherFormsTheJdkReads_areLeftToIt(String text) {
    assertThat(IsoInstants.canonical(text)).isNull();
    assertThat(byIsoInstants(text)).isEqualTo(byTheJdk(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13-02T13:11:06Z",
        "2026-00-02T13:11:06Z",
        "2026-12-00T13:11:06Z",
        "2026-12-32T13:11:06Z",
        "2026-02-29T13:11:06Z",
        "1900-02-29T13:11:06Z",
        "2026-04-31T13:11:06Z",
        "2026-12-02T13:60:06Z",
        "2026-12-02T13:11:61Z",
        "2026-12-02T13:11:06.1234567890Z",
        "2026-12-02T13:11:06.12a4Z",
        "2026-12-02T13:11:06",
        "2026-12-02 13:11:06Z",
        "2026/12/02T13:11:06Z",
        "2026-12-02T13-11-06Z",
        "2026-12-02T13:11-06Z",
        "2026-12-02T13.11:06Z",
        "2026-12-02T13:11:06 Z",
        "2026-12-02T13:11:06.123 ",
        "20a6-12-02T13:11:06Z",
        "2026-1x-02T13:11:06Z",
        "2026-12-0xT13:11:06Z",
        "2026-12-02Tx3:11:06Z",
        "2026-12-02T13:1x:06Z",
        "2026-12-02T13:11:0xZ",
        "2026-12-02T13:11:06.1/Z",
        "2026-12-02T13:11:06.1:Z",
        "",
        "2026-12-02",
      })
  void textTheJdkRefuses_isRefused(String text) {
    assertThat(IsoInstants.canonical(text)).isNull();
    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThat(byTheJdk(text)).isEmpty();
  }

  @Test
  void anyOneCharacterChanged_isReadAsTheJdkReadsIt() {
    Random random = new Random(7);
    String alphabet = "0123456789-:.TZz+ ";
    String[] forms = {
      "2024-02-29T23:59:59Z", "2026-12-31T09:05:07.123456789Z", "2026-06-15T12:30:45.5Z"
    };
    for (int i = 0; i < 5_000; i++) {
      char[] text = forms[i % forms.length].toCharArray();
      text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      String changed = new String(text);
      assertThat(byIsoInstants(changed)).as(changed).isEqualTo(byTheJdk(changed));
      if (IsoInstants.canonical(changed) != null) {
        assertThat(byTheJdk(changed)).as(changed).isPresent();
      }
    }
  }
}
