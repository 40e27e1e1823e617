package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Every page stays small: the scripts and style sheets it loads come to at most 60 KB gzipped, and
 * all of them are served by the service itself.
 */
class ConsolePayloadIT extends AdminServiceIntegration {
  static final int BUDGET = 60 * 1024;
  private static final Pattern ASSET =
      Pattern.compile("<(?:script[^>]* src|link[^>]* rel=\"stylesheet\"[^>]* href)=\"([^\"]+)\"");

  @Test
  void everyPage_loadsAtMost60KbOfScriptsAndStylesGzipped() throws IOException {
    admin.post("/api/admin/flags", "{\"name\":\"checkout\"}");
    ConsoleBrowser console =
        ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
    for (String page :
        List.of(
            "/flags",
            "/flags/checkout",
            "/audit",
            "/settings",
            "/settings/two-factor",
            "/settings/users",
            "/transfer")) {
      assertThat(weight(console, console.open(page))).as(page).isLessThan(BUDGET);
    }
    ConsoleBrowser anonymousBrowser = new ConsoleBrowser(port);
    assertThat(weight(anonymousBrowser, anonymousBrowser.open("/login"))).isLessThan(BUDGET);
  }

  @Test
  void styleSheet_namesFontsTheServiceServesToAnyone() {
    ConsoleBrowser anonymousBrowser = new ConsoleBrowser(port);
    String css = anonymousBrowser.get("/console/console.css").body();
    Matcher font = Pattern.compile("url\\(\"([^\"]+\\.woff2)\"\\)").matcher(css);
    int fonts = 0;
    while (font.find()) {
      fonts++;
      Response file = anonymousBrowser.get(font.group(1));
      assertThat(file.status()).as(font.group(1)).isEqualTo(200);
    }
    assertThat(fonts).isEqualTo(2);
  }

  private static long weight(ConsoleBrowser browser, String html) throws IOException {
    Set<String> assets = new LinkedHashSet<>();
    Matcher asset = ASSET.matcher(html);
    while (asset.find()) {
      assets.add(asset.group(1));
    }
    assertThat(assets)
        .as("the page's scripts and styles")
        .isNotEmpty()
        .allMatch(a -> a.startsWith("/"));
    long total = 0;
    for (String path : assets) {
      Response file = browser.get(path);
      assertThat(file.status()).as(path).isEqualTo(200);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(file.body().getBytes(StandardCharsets.UTF_8));
      }
      total += out.size();
    }
    return total;
  }
}
