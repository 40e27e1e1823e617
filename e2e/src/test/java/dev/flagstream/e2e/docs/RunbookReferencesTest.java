package dev.flagstream.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runbook and the operations guide name only endpoints, {@code flags.*} settings and metrics
 * that exist, checked against the services' jars as they ship: their request mappings and exposed
 * management endpoints, their configuration metadata and the meters their code registers.
 */
class RunbookReferencesTest {
  private static DocumentCheck check;

  @BeforeAll
  static void readTheServices() {
    check =
        new DocumentCheck(
            List.of(
                ServiceJar.named("admin", "flagstream.admin.jar"),
                ServiceJar.named("evaluator", "flagstream.evaluator.jar")));
  }

  static Path docs() {
    return Path.of(System.getProperty("flagstream.docs.dir", "../docs"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INCIDENT_RESPONSE.md", "operations.md"})
  void operatorDocument_namesOnlyEndpointsSettingsAndMetricsThatExist(String file)
      throws IOException {
    OperatorDocument document =
        OperatorDocument.parse(file, Files.readString(docs().resolve(file)));

    assertThat(check.problems(document)).isEmpty();
    assertThat(document.endpoints()).as("the check found the endpoints it checks").isNotEmpty();
    assertThat(document.settings()).isNotEmpty();
    assertThat(document.prometheusNames()).isNotEmpty();
  }

  @Test
  void aDocumentWithWrongNames_failsTheCheck_namingEachWrongOneAndNoRightOne() throws IOException {
    OperatorDocument document = OperatorDocument.parse("wrong-names.md", fixture("wrong-names.md"));

    assertThat(check.problems(document))
        .containsExactlyInAnyOrder(
            "wrong-names.md:5: no endpoint GET /health/redy",
            "wrong-names.md:6: no endpoint POST /api/admin/flags/{name}/undo",
            "wrong-names.md:7: no endpoint DELETE /api/admin/audit",
            "wrong-names.md:8: no endpoint /api/admin/flags/<name>/evaluation",
            "wrong-names.md:13: no endpoint POST /api/admin/flag/kill-switch/toggle",
            "wrong-names.md:17: no setting flags.refresh-intervall",
            "wrong-names.md:18: no setting flags.cdc.slot",
            "wrong-names.md:19: no setting flags.kafka.topic[x]",
            "wrong-names.md:22: no metric flagstream.cdc.slot.lagg.bytes",
            "wrong-names.md:23: no metric flagstream_store_data_age_minutes",
            "wrong-names.md:25: no metric flagstream_cdc_failures_bucket_total");
  }

  @Test
  void aDocumentWithRightNames_passesTheCheck() throws IOException {
    OperatorDocument document = OperatorDocument.parse("right-names.md", fixture("right-names.md"));

    assertThat(check.problems(document)).isEmpty();
    assertThat(document.endpoints()).hasSize(9);
    assertThat(document.settings()).hasSize(5);
    assertThat(document.meters()).hasSize(3);
    assertThat(document.prometheusNames()).hasSize(5);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RunbookReferencesTest.class.getResourceAsStream("/docs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
