package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh install is usable: the first admin and, if configured, its API token, which must look
 * generated and expires. Started with the defaults, so cookies are Secure as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIT {

  private static ConfigurableApplicationContext start(String database, String... properties) {
    String url = TestDatabase.server().createDatabaseIfMissing(database);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--flags.cdc.enabled=false"));
    for (String property : properties) {
      arguments.add("--" + property);
    }
    return new SpringApplicationBuilder(AdminApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Test
  void theBootstrapToken_listsNoFlags_onAFreshStart_expiresIn30Days_andIsWarnedOf(
      CapturedOutput output) {
    String token = TokenSecrets.generate();
    Instant before = Instant.now();
    try (var context =
        start(
            "bootstrap_configured",
            "flags.bootstrap.admin.email=Owner@Example.com",
            "flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
            "flags.bootstrap.token=" + token)) {
      Instant after = Instant.now();
      var flags = api(context).as(token).get("/api/admin/flags");
      assertThat(flags.status()).isEqualTo(200);
      assertThat(flags.body()).isEqualTo("[]");
      var me = api(context).as(token).get("/api/auth/me").json();
      assertThat(me.get("email").asString()).isEqualTo("owner@example.com");
      assertThat(me.get("role").asString()).isEqualTo("ADMIN");
      var login =
          api(context)
              .post(
                  "/api/auth/login",
                  "{\"email\":\"owner@example.com\",\"password\":\""
                      + TestAccounts.PASSWORD
                      + "\"}");
      assertThat(login.status()).isEqualTo(200);

      Instant expiry =
          context.getBean(TokenRepository.class).findBySecret(token).orElseThrow().expiresAt();
      assertThat(expiry)
          .isBetween(before.plus(Duration.ofDays(30)), after.plus(Duration.ofDays(30)));
      assertThat(output.getAll())
          .contains("The bootstrap API token grants ADMIN until " + expiry)
          .doesNotContain(token);
    }
  }

  @Test
  void theSessionAndCsrfCookies_areSecure_andHostPrefixed_byDefault() {
    try (var context =
        start(
            "bootstrap_cookies",
            "flags.bootstrap.admin.email=owner@example.com",
            "flags.bootstrap.admin.password=" + TestAccounts.PASSWORD)) {
      Response login =
          api(context)
              .post(
                  "/api/auth/login",
                  "{\"email\":\"owner@example.com\",\"password\":\""
                      + TestAccounts.PASSWORD
                      + "\"}");
      assertThat(login.status()).isEqualTo(200);
      String session = cookie(login, "__Host-FLAGSTREAM_SESSION=");
      assertThat(session)
          .contains("; Path=/;", "; Secure", "; HttpOnly", "; SameSite=Lax")
          .doesNotContainIgnoringCase("Domain=");
      String csrf = cookie(api(context).get("/api/auth/csrf"), "XSRF-TOKEN=");
      assertThat(csrf).contains("; Secure").doesNotContainIgnoringCase("HttpOnly");
    }
  }

  private static String cookie(Response response, String start) {
    return response.headerValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + start + " cookie in " + response));
  }

  @Test
  void aBootstrapTokenThatDoesNotLookGenerated_stopsTheStart_withoutShowingIt() {
    String chosen = "fst_platform-admin-token-0123456789abcdef";
    assertThatThrownBy(() -> start("bootstrap_weak", "flags.bootstrap.token=" + chosen))
        .rootCause()
        .hasMessageContaining("FLAGS_BOOTSTRAP_TOKEN")
        .hasMessageContaining("must be a generated token")
        .hasMessageNotContaining(chosen);
  }

  @Test
  void anExpiredBootstrapToken_staysExpired_acrossRestarts_andIsNoLongerWarnedOf(
      CapturedOutput output) {
    String token = TokenSecrets.generate();
    String[] properties = {
      "flags.bootstrap.admin.email=owner@example.com",
      "flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
      "flags.bootstrap.token=" + token
    };
    try (var context = start("bootstrap_expiring", properties)) {
      context
          .getBean(JdbcClient.class)
          .sql("UPDATE api_tokens SET expires_at = NOW() - INTERVAL '1 second'")
          .update();
      problem401(api(context).as(token).get("/api/auth/me"));
    }
    int warnings = count(output, "The bootstrap API token grants ADMIN");
    try (var restarted = start("bootstrap_expiring", properties)) {
      problem401(api(restarted).as(token).get("/api/auth/me"));
      assertThat(count(output, "The bootstrap API token grants ADMIN")).isEqualTo(warnings);
    }
  }

  private static void problem401(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
  }

  private static int count(CapturedOutput output, String text) {
    return output.getAll().split(Pattern.quote(text), -1).length - 1;
  }

  @Test
  void withoutAPassword_oneIsGenerated_loggedOnce_andSignsIn(CapturedOutput output) {
    String password;
    try (var context = start("bootstrap_generated")) {
      Matcher generated =
          Pattern.compile("with the generated password\\s+(\\S+)").matcher(output.getAll());
      assertThat(generated.find()).as("the log shows the generated password").isTrue();
      password = generated.group(1);
      var login =
          api(context)
              .post(
                  "/api/auth/login",
                  "{\"email\":\"admin@flagstream.local\",\"password\":\"" + password + "\"}");
      assertThat(login.status()).isEqualTo(200);
    }
    int logged = output.getAll().split(Pattern.quote(password), -1).length - 1;
    try (var restarted = start("bootstrap_generated")) {
      assertThat(restarted.isActive()).as("the restart comes up").isTrue();
      assertThat(output.getAll().split(Pattern.quote(password), -1).length - 1)
          .as("a restart neither creates another admin nor shows the password again")
          .isEqualTo(logged);
    }
  }
}
