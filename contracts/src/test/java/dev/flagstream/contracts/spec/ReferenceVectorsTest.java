package dev.flagstream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.spec.ConformanceSpec.BucketCase;
import dev.flagstream.contracts.spec.ConformanceSpec.EvaluationCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's expectations agree with the independent reference, and its generated files are
 * exactly what the documented generator writes, so no expectation was edited by hand or produced by
 * the code under test.
 */
class ReferenceVectorsTest {
  private final ConformanceSpec spec = ConformanceSpec.ofRepository();

  @Test
  void everyBucketOfAnEvaluationCase_isTheReferenceBucket() {
    List<EvaluationCase> bucketed =
        spec.evaluationCases().stream().filter(c -> c.expected().bucket() != null).toList();
    assertThat(bucketed).hasSizeGreaterThan(300);
    for (EvaluationCase c : bucketed) {
      int bucket = ReferenceBuckets.bucket(c.flagName(), c.userId());
      int rollout = c.flags().get(c.flagName()).rolloutPercentage();
      assertThat(c.expected().bucket()).as(c.id()).isEqualTo(bucket);
      assertThat(c.expected().value()).as(c.id()).isEqualTo(bucket < rollout);
    }
  }

  @Test
  void everyBucketCase_isTheReferenceBucket() {
    for (BucketCase c : spec.bucketCases()) {
      assertThat(c.bucket())
          .as(c.id())
          .isEqualTo(ReferenceBuckets.bucket(c.flagName(), c.userId()));
    }
  }

  @Test
  void generatedFiles_areExactlyWhatTheGeneratorWrites(@TempDir Path out) throws IOException {
    ReferenceVectorGenerator.main(new String[] {out.toString()});
    try (var generated = Files.walk(out)) {
      for (Path file : generated.filter(Files::isRegularFile).toList()) {
        String relative = out.relativize(file).toString();
        assertThat(Files.readString(spec.directory().resolve(relative)))
            .as(relative)
            .isEqualTo(Files.readString(file));
      }
    }
  }
}
