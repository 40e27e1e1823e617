package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCsvTest {
  private static final UUID ACTOR = UUID.fromString("0b8a7c1e-5f0a-4d5e-9d63-0c3a8e2f6b11");

  @Test
  void of_entries_oneRowEachUnderTheHeaderWithCrLf() {
    AuditEntry toggled =
        new AuditEntry(
            7,
            Instant.parse("2026-11-30T10:00:00Z"),
            ACTOR,
            "ann@example.com",
            AuditAction.FLAG_TOGGLED,
            AuditAction.TargetType.FLAG,
            "checkout",
            "{\"enabled\":false}",
            "{\"enabled\":true}",
            "req-1",
            null,
            null,
            null,
            AuditAction.Outcome.SUCCEEDED);
    AuditEntry bySystem =
        new AuditEntry(
            8,
            Instant.parse("2026-11-30T10:01:00Z"),
            null,
            null,
            AuditAction.FLAG_DELETED,
            AuditAction.TargetType.FLAG,
            "old",
            null,
            null,
            null,
            null,
            null,
            null,
            AuditAction.Outcome.SUCCEEDED);

    assertThat(AuditCsv.of(List.of(toggled, bySystem)))
        .isEqualTo(
            AuditCsv.HEADER
                + "\r\n"
                + "7,2026-11-30T10:00:00Z,"
                + ACTOR
                + ",ann@example.com,FLAG_TOGGLED,FLAG,checkout,SUCCEEDED,"
                + "\"{\"\"enabled\"\":false}\",\"{\"\"enabled\"\":true}\",req-1\r\n"
                + "8,2026-11-30T10:01:00Z,,,FLAG_DELETED,FLAG,old,SUCCEEDED,,,\r\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "plain|plain",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=cmd()|'=cmd()",
        "+1|'+1",
        "-1|'-1",
        "@x|'@x",
        "a-b|a-b"
      })
  void field_quotesWhatCsvNeedsAndDisarmsFormulas(String value, String written) {
    assertThat(AuditCsv.field(value)).isEqualTo(written);
  }

  @Test
  void field_lineBreaksAndLeadingControls_areQuotedOrDisarmed() {
    assertThat(AuditCsv.field("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(AuditCsv.field("a\rb")).isEqualTo("\"a\rb\"");
    assertThat(AuditCsv.field("\tx")).isEqualTo("'\tx");
    assertThat(AuditCsv.field("\rx")).isEqualTo("\"'\rx\"");
    assertThat(AuditCsv.field(null)).isEmpty();
    assertThat(AuditCsv.field("")).isEmpty();
  }
}
