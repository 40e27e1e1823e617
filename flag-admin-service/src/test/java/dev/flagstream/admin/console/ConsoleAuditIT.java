package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log page and its exports, as far as the reader may see. */
class ConsoleAuditIT extends AdminServiceIntegration {
  @BeforeEach
  void changes() {
    admin.post("/api/admin/flags", "{\"name\":\"checkout\"}");
    admin.post("/api/admin/flags/checkout/toggle", "{\"enabled\":true}");
    admin.post("/api/admin/flags", "{\"name\":\"search\"}");
  }

  @Test
  void auditPage_filteredByFlagAndAction_showsItsDiff() {
    String page =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD)
            .open("/audit?flag=checkout&action=FLAG_TOGGLED");

    assertThat(page)
        .contains("toggled", "<del>off</del>", "<ins>on</ins>")
        .doesNotContain(">search<");
  }

  @Test
  void auditPage_badFilter_saysWhichAndShowsNothing() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);

    Response page = viewer.get("/audit?actor=not-an-id&from=yesterday");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("actor must be a user id", "from must be a date and time");
  }

  @Test
  void exports_areTheFilteredEntriesAsCsvAndJson() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);

    Response csv = viewer.get("/audit/export.csv?flag=checkout");
    Response json = viewer.get("/audit/export.json?flag=checkout");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.header("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("flagstream-audit.csv"));
    assertThat(List.of(csv.body().split("\r\n"))).hasSize(3).first().isEqualTo(AuditCsv.HEADER);
    assertThat(json.json().size()).isEqualTo(2);
    assertThat(json.json().get(0).get("action").asString()).isEqualTo("FLAG_TOGGLED");
  }

  @Test
  void auditPage_nonAdmin_seesNoSignIns() {
    ConsoleBrowser.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD);

    String page =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD)
            .open("/audit");

    assertThat(page).doesNotContain("login succeeded");
  }
}
