package dev.flagstream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's expectations agree with the independent reference, and its generated files are
 * exactly what the documented generator writes, so no expectation was edited by hand or produced by
 * the code under test. Reads the suite's source, this module's {@code spec} folder, as plain JSON.
 */
class ReferenceVectorsTest {
  private static final Path SPEC = Path.of("spec");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<JsonNode> filesOfKind(String kind) throws IOException {
    List<JsonNode> files = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(SPEC.resolve("index.json").toFile()).get("files")) {
      if (entry.get("kind").asString().equals(kind)) {
        files.add(JSON.readTree(SPEC.resolve(entry.get("path").asString()).toFile()));
      }
    }
    return files;
  }

  @Test
  void everyBucketOfAnEvaluationCase_isTheReferenceBucket() throws IOException {
    int bucketed = 0;
    for (JsonNode file : filesOfKind("evaluation")) {
      Map<String, Integer> rollouts = new HashMap<>();
      file.get("flags")
          .forEach(f -> rollouts.put(f.get("name").asString(), f.get("rolloutPercentage").asInt()));
      for (JsonNode c : file.get("cases")) {
        JsonNode expected = c.get("expected");
        if (expected.get("bucket").isNull()) {
          continue;
        }
        bucketed++;
        String flag = c.get("flag").asString();
        int bucket = ReferenceBuckets.bucket(flag, c.get("userId").asString());
        String id = c.get("id").asString();
        assertThat(expected.get("bucket").asInt()).as(id).isEqualTo(bucket);
        assertThat(expected.get("value").asBoolean()).as(id).isEqualTo(bucket < rollouts.get(flag));
      }
    }
    assertThat(bucketed).isGreaterThan(300);
  }

  @Test
  void everyBucketCase_isTheReferenceBucket() throws IOException {
    int cases = 0;
    for (JsonNode file : filesOfKind("bucket")) {
      for (JsonNode c : file.get("cases")) {
        cases++;
        assertThat(c.get("bucket").asInt())
            .as(c.get("id").asString())
            .isEqualTo(
                ReferenceBuckets.bucket(c.get("flagName").asString(), c.get("userId").asString()));
      }
    }
    assertThat(cases).isGreaterThan(200);
  }

  @Test
  void generatedFiles_areExactlyWhatTheGeneratorWrites(@TempDir Path out) throws IOException {
    ReferenceVectorGenerator.main(new String[] {out.toString()});
    try (var generated = Files.walk(out)) {
      List<Path> files = generated.filter(Files::isRegularFile).toList();
      assertThat(files).hasSize(5);
      for (Path file : files) {
        String relative = out.relativize(file).toString();
        assertThat(Files.readString(SPEC.resolve(relative)))
            .as(relative)
            .isEqualTo(Files.readString(file));
      }
    }
  }
}
