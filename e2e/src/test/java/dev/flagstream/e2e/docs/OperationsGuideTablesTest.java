package dev.flagstream.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists every {@code flags.*} setting of both services and every meter they
 * register exactly as the services' jars say: the tables are generated, and this test fails when
 * they drift. To regenerate them, run it with {@code -Dflagstream.docs.update=true}; without it,
 * the expected document is written to {@code target/operations.md} for comparison.
 */
class OperationsGuideTablesTest {

  @Test
  void operationsGuide_tablesMatchTheServicesConfigurationMetadataAndMeters() throws IOException {
    ServiceJar admin = ServiceJar.named("admin", "flagstream.admin.jar");
    ServiceJar evaluator = ServiceJar.named("evaluator", "flagstream.evaluator.jar");
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("admin-settings", GuideTables.settings(admin));
    tables.put("evaluator-settings", GuideTables.settings(evaluator));
    tables.put("meters", GuideTables.meters(List.of(admin, evaluator)));
    Path guide = RunbookReferencesTest.docs().resolve("operations.md");
    String document = Files.readString(guide);

    String expected = GuideTables.regenerate(document, tables);
    if (!expected.equals(document)) {
      if (Boolean.getBoolean("flagstream.docs.update")) {
        Files.writeString(guide, expected);
      } else {
        Files.writeString(
            Files.createDirectories(Path.of("target")).resolve("operations.md"), expected);
      }
    }

    assertThat(expected)
        .as("docs/operations.md as generated (written to target/operations.md)")
        .isEqualTo(Files.readString(guide));
    assertThat(admin.metadata().under("flags."))
        .as("the admin's metadata is packaged")
        .hasSizeGreaterThan(40);
    assertThat(evaluator.metadata().under("flags.")).hasSizeGreaterThan(20);
  }

  @Test
  void regenerate_replacesOnlyBetweenItsMarkers_andRefusesADocumentWithoutThem() {
    String document = "a\n<!-- generated:t -->\nold\n<!-- end:t -->\nb\n";

    assertThat(GuideTables.regenerate(document, Map.of("t", "new\n")))
        .isEqualTo("a\n<!-- generated:t -->\nnew\n<!-- end:t -->\nb\n");
    assertThatThrownBy(() -> GuideTables.regenerate("a\n", Map.of("t", "new\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void simpleType_dropsPackages() {
    assertThat(GuideTables.simpleType("java.util.Map<java.lang.String,java.lang.String>"))
        .isEqualTo("Map<String,String>");
    assertThat(GuideTables.simpleType("org.springframework.util.unit.DataSize"))
        .isEqualTo("DataSize");
    assertThat(GuideTables.simpleType("dev.flagstream.admin.account.Role$Kind"))
        .isEqualTo("Role.Kind");
  }
}
