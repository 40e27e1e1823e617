package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A provider that cannot be reached keeps nobody out but those who sign in through it. */
@TestPropertySource(
    properties = {
      "flags.sso.client-id=flagstream",
      "flags.sso.client-secret=secret",
      "flags.sso.roles.admin=admins"
    })
class SsoProviderDownIT extends AdminServiceIntegration {

  @DynamicPropertySource
  static void unreachableProvider(DynamicPropertyRegistry properties) {
    properties.add("flags.sso.issuer-uri", () -> "http://127.0.0.1:" + closedPort());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort(); // closed again when this returns: nothing listens there
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void startingASignIn_whileTheProviderIsAway_is503_andThePasswordStillWorks() {
    Response start = anonymous.get("/oauth2/authorization/oidc");

    assertThat(problem(start, 503).get("detail").asString()).contains("identity provider");
    assertThat(start.header("Retry-After")).isPresent();
    assertThat(start.headerValues("Set-Cookie")).isEmpty();
    Response password =
        anonymous.post(
            "/api/auth/login",
            "{\"email\":\""
                + TestAccounts.VIEWER_EMAIL
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\"}");
    assertThat(password.status()).as(password.toString()).isEqualTo(200);
  }
}
