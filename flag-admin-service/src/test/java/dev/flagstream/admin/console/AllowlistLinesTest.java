package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowlistLinesTest {
  @Test
  void parse_linesCommasAndBlanks_giveTheIdsInOrder() {
    AllowlistLines lines = AllowlistLines.parse("a\n\n b , c\r\nd,\n");

    assertThat(lines.ids()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void errors_entryViolations_nameTheLineTheIdCameFrom() {
    AllowlistLines lines = AllowlistLines.parse("good\n\nbad, worse\n");
    Map<String, String> violations = new LinkedHashMap<>();
    violations.put("userAllowlist[1]", "is not a UUID");
    violations.put("userAllowlist[2]", "is not a UUID");

    assertThat(lines.errors(violations))
        .containsExactly("Line 3: 'bad' is not a UUID", "Line 3: 'worse' is not a UUID");
  }

  @Test
  void errors_wholeListViolation_isSaidOfTheList() {
    assertThat(AllowlistLines.parse("a").errors(Map.of("userAllowlist", "has too many entries")))
        .containsExactly("The allowlist has too many entries");
  }

  @Test
  void errors_otherFieldsAndIndexesOutOfRange_areLeftOut() {
    assertThat(
            AllowlistLines.parse("a")
                .errors(Map.of("userAllowlist[1]", "is not a UUID", "description", "is too long")))
        .isEmpty();
  }
}
