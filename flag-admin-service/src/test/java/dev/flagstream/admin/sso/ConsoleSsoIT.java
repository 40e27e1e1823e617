package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.Browser;
import dev.flagstream.admin.fixtures.Browser.Hop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console with single sign-on: its button, and where the provider's redirect back lands. */
class ConsoleSsoIT extends SsoIntegration {
  @Test
  void loginPage_offersTheProvidersButtonBesideThePassword() {
    Hop page = new Browser().navigate(adminUri("/login")).get(0);

    assertThat(page.response().body())
        .contains("Sign in with Test Provider", "href=\"" + START + "\"", "name=\"password\"");
  }

  @Test
  void signInThroughTheProvider_landsOnTheDashboardSignedIn() {
    String name = someone("grace");
    provider.person(name, name + "@idp.example", "flagstream-editors");
    Browser browser = new Browser();

    List<Hop> hops = signIn(browser, name).hops();

    Hop last = hops.get(hops.size() - 1);
    assertThat(last.uri().getPath()).isEqualTo("/flags");
    assertThat(last.response().status()).isEqualTo(200);
    assertThat(last.response().body()).contains(name + "@idp.example", "EDITOR");
  }
}
