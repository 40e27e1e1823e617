package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.contracts.evaluation.Bucket;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contracts' hash, the only one Java implementations use, puts every user in the bucket the
 * suite says: directly, and as a flag prepared for a store computes it.
 */
class BucketConformanceTest {

  @TestFactory
  Stream<DynamicTest> bucketCases() {
    return ConformanceSpec.load().bucketCases().stream()
        .map(
            c ->
                dynamicTest(
                    c.id(),
                    () -> {
                      assertThat(Bucket.of(c.flagName(), c.userId()))
                          .as("bucket of %s in %s", c.userId(), c.flagName())
                          .isEqualTo(c.bucket());
                      assertThat(
                              CompiledFlag.of(Flag.builder(c.flagName()).build())
                                  .bucket(c.userId()))
                          .as("compiled bucket of %s in %s", c.userId(), c.flagName())
                          .isEqualTo(c.bucket());
                    }));
  }
}
