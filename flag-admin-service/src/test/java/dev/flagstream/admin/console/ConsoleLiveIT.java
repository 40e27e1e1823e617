package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open pages hear of changes made elsewhere: the stream they follow. */
class ConsoleLiveIT extends AdminServiceIntegration {
  @Test
  void live_aChangeThroughTheApi_isAnnouncedByTheFlagsName() throws IOException {
    admin.post("/api/admin/flags", "{\"name\":\"checkout\"}");
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    String session = viewer.browser().cookie(viewer.uri("/"), "FLAGSTREAM_SESSION").orElseThrow();
    HttpURLConnection stream =
        (HttpURLConnection)
            URI.create("http://localhost:" + port + "/live").toURL().openConnection();
    stream.setRequestProperty("Cookie", "FLAGSTREAM_SESSION=" + session);
    stream.setRequestProperty("Accept", "text/event-stream");
    stream.setReadTimeout(10_000); // bounds the wait: a missing event fails the test
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(stream.getResponseCode()).isEqualTo(200);
      assertThat(reader.readLine()).isEqualTo(":connected");
      admin.post("/api/admin/flags/checkout/toggle", "{\"enabled\":true}");
      String line;
      while ((line = reader.readLine()) != null && !line.equals("event:flags")) {
        lines.add(line);
      }
    } finally {
      stream.disconnect();
    }

    assertThat(lines).contains("event:flag-checkout", "data:FLAG_TOGGLED");
  }

  @Test
  void live_anonymous_isSentToSignIn() {
    ConsoleBrowser anonymousBrowser = new ConsoleBrowser(port);

    assertThat(anonymousBrowser.get("/live").status()).isEqualTo(302);
  }
}
