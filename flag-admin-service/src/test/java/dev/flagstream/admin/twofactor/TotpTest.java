package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
  private static final byte[] SHA1_SEED = ascii("12345678901234567890");
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:15Z");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 6238's seeds: the digits 1234567890 repeated to the length of the hash. */
  private static byte[] seed(Totp.Algorithm algorithm) {
    int length =
        switch (algorithm) {
          case SHA1 -> 20;
          case SHA256 -> 32;
          case SHA512 -> 64;
        };
    return ascii("1234567890".repeat(7).substring(0, length));
  }

  @ParameterizedTest(name = "T={0} {1} -> {2}")
  @CsvFileSource(resources = "/twofactor/rfc6238-appendix-b.csv", numLinesToSkip = 3)
  void code_rfc6238AppendixB_matchesEveryVector(long unixTime, String algorithm, String code) {
    Totp totp = new Totp(Totp.Algorithm.valueOf(algorithm), 8, Duration.ofSeconds(30));
    Totp.Algorithm hash = Totp.Algorithm.valueOf(algorithm);

    assertThat(totp.codeAt(seed(hash), Instant.ofEpochSecond(unixTime))).isEqualTo(code);
  }

  @Test
  void forAuthenticatorApps_isSha1SixDigitsThirtySeconds_theLastDigitsOfTheLongerCode() {
    Totp apps = Totp.forAuthenticatorApps();

    assertThat(apps.algorithm()).isEqualTo(Totp.Algorithm.SHA1);
    assertThat(apps.digits()).isEqualTo(6);
    assertThat(apps.periodSeconds()).isEqualTo(30);
    assertThat(apps.codeAt(SHA1_SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(apps.codeAt(SHA1_SEED, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
  }

  @Test
  void sevenDigits_areAllowed_andPaddedWithZeros() {
    Totp seven = new Totp(Totp.Algorithm.SHA1, 7, Duration.ofSeconds(30));

    assertThat(seven.codeAt(SHA1_SEED, Instant.ofEpochSecond(1111111109))).isEqualTo("7081804");
  }

  @Test
  void step_countsWholePeriodsSinceTheEpoch_flooringBeforeIt() {
    Totp totp = Totp.forAuthenticatorApps();

    assertThat(totp.step(Instant.ofEpochSecond(0))).isZero();
    assertThat(totp.step(Instant.ofEpochSecond(29))).isZero();
    assertThat(totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
    assertThat(totp.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
    assertThat(
            new Totp(Totp.Algorithm.SHA1, 6, Duration.ofMinutes(1)).step(Instant.ofEpochSecond(59)))
        .isZero();
  }

  @Test
  void code_ofAStep_isTheCodeAtEveryInstantOfIt() {
    Totp totp = Totp.forAuthenticatorApps();
    long step = totp.step(NOW);

    assertThat(totp.code(SHA1_SEED, step))
        .isEqualTo(totp.codeAt(SHA1_SEED, Instant.ofEpochSecond(step * 30)))
        .isEqualTo(totp.codeAt(SHA1_SEED, Instant.ofEpochSecond(step * 30 + 29)))
        .isNotEqualTo(totp.code(SHA1_SEED, step + 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void matchingStep_aCodeOneStepOffAtMost_isAcceptedWithItsStep(int offset) {
    Totp totp = Totp.forAuthenticatorApps();
    long step = totp.step(NOW) + offset;

    assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), NOW))
        .isEqualTo(OptionalLong.of(step));
  }

  @ParameterizedTest
  @ValueSource(ints = {-3, -2, 2, 3})
  void matchingStep_aCodeTwoStepsOffOrMore_isRefused(int offset) {
    Totp totp = Totp.forAuthenticatorApps();
    String code = totp.code(SHA1_SEED, totp.step(NOW) + offset);

    assertThat(totp.matchingStep(SHA1_SEED, code, NOW)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "abcdef", "000000"})
  void matchingStep_somethingElse_isRefused(String offered) {
    Totp totp = Totp.forAuthenticatorApps();
    // "000000" is no code of these three steps (checked here so the case stays meaningful)
    for (int offset = -1; offset <= 1; offset++) {
      assertThat(totp.code(SHA1_SEED, totp.step(NOW) + offset)).isNotEqualTo("000000");
    }

    assertThat(totp.matchingStep(SHA1_SEED, offered, NOW)).isEmpty();
  }

  @Test
  void matchingStep_anotherSecretsCode_isRefused() {
    Totp totp = Totp.forAuthenticatorApps();
    byte[] other = ascii("09876543210987654321");

    assertThat(totp.matchingStep(SHA1_SEED, totp.codeAt(other, NOW), NOW)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 9, 0, -6})
  void digits_outsideSixToEight_areRefused(int digits) {
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, digits, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(digits));
  }

  @Test
  void period_mustBeWholeSeconds_atLeastOne() {
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, 6, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, 6, Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Totp(Totp.Algorithm.SHA1, 6, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Totp(Totp.Algorithm.SHA1, 6, Duration.ofSeconds(1)).periodSeconds())
        .isEqualTo(1);
  }
}
