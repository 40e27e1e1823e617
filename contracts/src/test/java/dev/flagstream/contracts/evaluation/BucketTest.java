package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.spec.ReferenceBuckets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BucketTest {

  @Test
  void of_matchesUnleashNormalizedValueMinusOne() {
    assertThat(Bucket.of("gr1", "123")).isEqualTo(73 - 1);
    assertThat(Bucket.of("groupX", "999")).isEqualTo(25 - 1);
  }

  @Test
  void of_readsTheHashUnsigned() {
    // Hashes with the top bit set are common; a signed remainder would give negative buckets.
    int negativeHashes = 0;
    for (int i = 0; i < 2_000; i++) {
      String user = "user-" + i;
      if (Murmur3.hashUtf8("flag", user) < 0) {
        negativeHashes++;
        assertThat(Bucket.of("flag", user)).isEqualTo(ReferenceBuckets.bucket("flag", user));
      }
    }
    assertThat(negativeHashes).isGreaterThan(500);
  }

  @Test
  void of_acceptsAnyCharSequence() {
    UUID id = UUID.fromString("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c");
    assertThat(Bucket.of(new StringBuilder("flag"), new StringBuilder(id.toString())))
        .isEqualTo(ReferenceBuckets.bucket("flag", id.toString()));
  }
}
