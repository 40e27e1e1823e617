package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Buckets are uniform: a chi-square goodness-of-fit test over 100,000 ids passes at p = 0.001. The
 * ids are drawn from a fixed seed, so the test is deterministic rather than failing once in a
 * thousand runs.
 */
class BucketDistributionTest {
  private static final int IDS = 100_000;
  // Upper 0.001 quantile of the chi-square distribution with 99 degrees of freedom.
  private static final double CRITICAL_VALUE = 148.230;

  @ParameterizedTest
  @ValueSource(strings = {"uuid", "sequential", "email"})
  void buckets_areUniform_chiSquarePassesAtOneInAThousand(String idKind) {
    Random random = new Random(7);
    IntFunction<String> ids =
        switch (idKind) {
          case "uuid" -> i -> new UUID(random.nextLong(), random.nextLong()).toString();
          case "sequential" -> i -> Integer.toString(i);
          default -> i -> "user" + i + "@example.com";
        };
    long[] counts = new long[Bucket.COUNT];
    for (int i = 0; i < IDS; i++) {
      counts[Bucket.of("new-checkout", ids.apply(i))]++;
    }
    double expected = (double) IDS / Bucket.COUNT;
    double chiSquare = 0;
    for (long count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    assertThat(chiSquare).as("chi-square of %s ids", idKind).isLessThan(CRITICAL_VALUE);
  }
}
