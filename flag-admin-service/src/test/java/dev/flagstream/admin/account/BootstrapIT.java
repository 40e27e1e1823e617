package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh install is usable: the first admin and, if configured, its API token. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIT {

  private static ConfigurableApplicationContext start(String database, String... properties) {
    String url = TestDatabase.server().createDatabaseIfMissing(database);
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
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
  void theBootstrapToken_listsNoFlags_onAFreshStart_andTheAdminSignsIn() {
    String token = "fst_smoke-test-token-0123456789abcdef";
    try (var context =
        start(
            "bootstrap_configured",
            "flags.bootstrap.admin.email=Owner@Example.com",
            "flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
            "flags.bootstrap.token=" + token)) {
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
    }
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
      assertThat(output.getAll().split(Pattern.quote(password), -1).length - 1)
          .as("a restart neither creates another admin nor shows the password again")
          .isEqualTo(logged);
    }
  }
}
