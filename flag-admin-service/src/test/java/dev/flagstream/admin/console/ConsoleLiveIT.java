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
    assertThat(admin.post("/api/admin/flags", "{\"name\":\"checkout\"}").status()).isEqualTo(201);
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
      // The creation may be announced after the stream opened, too: read on to the toggle.
      String line;
      while (!lines.contains("data:FLAG_TOGGLED") && (line = reader.readLine()) != null) {
        lines.add(line);
      }
    } finally {
      stream.disconnect();
    }

    assertThat(lines).contains("data:FLAG_TOGGLED");
    assertThat(lines.get(lines.indexOf("data:FLAG_TOGGLED") - 1))
        .as("announced under the flag's name")
        .isEqualTo("event:flag-checkout");
  }

  @Test
  void live_anonymous_isSentToSignIn() {
    ConsoleBrowser anonymousBrowser = new ConsoleBrowser(port);

    assertThat(anonymousBrowser.get("/live").status()).isEqualTo(302);
  }
}
