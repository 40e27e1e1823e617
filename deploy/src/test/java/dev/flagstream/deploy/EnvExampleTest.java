package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.deploy.fixtures.Interpolation;
import dev.flagstream.deploy.fixtures.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Compose file's credentials come from a .env file that is never committed: .env.example
 * documents every variable, with no secret in it, and deploy/compose/generate-env.sh writes one
 * with fresh secrets in the forms the services accept.
 */
class EnvExampleTest {
  private static final Pattern SET = Pattern.compile("^([A-Z0-9_]+)=(.*)$");
  private static final Pattern COMMENTED = Pattern.compile("^# ([A-Z0-9_]+)=(.*)$");
  private static final Map<String, Interpolation.Use> USED =
      Interpolation.variables(Repository.read("docker-compose.yml"));

  private static Map<String, String> matching(String text, Pattern pattern) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.matches()) {
        found.put(matcher.group(1), matcher.group(2));
      }
    }
    return found;
  }

  @Test
  void everyRequiredVariable_isListedEmpty_soNoSecretIsCommitted() {
    Map<String, String> set = matching(Repository.read(".env.example"), SET);
    List<String> required =
        USED.entrySet().stream()
            .filter(e -> e.getValue().required())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(required).hasSizeGreaterThanOrEqualTo(7);
    assertThat(set.keySet()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(set.values()).allSatisfy(value -> assertThat(value).isEmpty());
  }

  @Test
  void everyOptionalVariable_isListedCommentedOut_withTheComposeFilesDefault() {
    Map<String, String> commented = matching(Repository.read(".env.example"), COMMENTED);
    USED.forEach(
        (name, use) -> {
          if (!use.required()) {
            assertThat(commented).as(name).containsEntry(name, use.defaultValue());
          }
        });
    assertThat(commented.keySet()).allSatisfy(name -> assertThat(USED).containsKey(name));
  }

  @Test
  void aDotEnvFile_isNeverCommitted() {
    assertThat(Repository.read(".gitignore").lines()).contains(".env");
    assertThat(Repository.file(".env")).doesNotExist();
  }

  @Test
  void theGeneratedEnv_setsEveryRequiredVariable_inFormsTheServicesAccept() throws Exception {
    Map<String, String> generated = matching(generate(), SET);
    List<String> required =
        USED.entrySet().stream()
            .filter(e -> e.getValue().required())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(generated.keySet()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(generated.get("FLAGSTREAM_API_TOKEN")).matches("fst_[A-Za-z0-9_-]{43,}");
    assertThat(generated.get("FLAGSTREAM_API_TOKEN").substring(4).chars().distinct().count())
        .isGreaterThanOrEqualTo(16);
    for (String key : List.of("FLAGSTREAM_SERVER_KEY", "FLAGSTREAM_CLIENT_KEY")) {
      assertThat(generated.get(key)).hasSizeGreaterThanOrEqualTo(16);
    }
    assertThat(generated.get("FLAGSTREAM_SERVER_KEY"))
        .isNotEqualTo(generated.get("FLAGSTREAM_CLIENT_KEY"));
    String[] twoFactor = generated.get("FLAGSTREAM_TWO_FACTOR_KEY").split(":", 2);
    assertThat(twoFactor[0]).matches("[A-Za-z0-9._-]+");
    assertThat(Base64.getDecoder().decode(twoFactor[1])).hasSize(32);
    assertThat(generated.get("FLAGSTREAM_ADMIN_PASSWORD")).hasSizeGreaterThanOrEqualTo(12);
    assertThat(matching(generate(), SET)).isNotEqualTo(generated);
  }

  @Test
  void interpolation_findsRequiredAndDefaultedVariables_butNotEscapedDollars() {
    assertThat(Interpolation.variables("a ${A:?set it} b ${B:-x} c $${C} d ${D}"))
        .containsExactly(
            Map.entry("A", new Interpolation.Use(true, "")),
            Map.entry("B", new Interpolation.Use(false, "x")),
            Map.entry("D", new Interpolation.Use(true, "")));
    assertThat(Interpolation.withDefaults("${B:-x}/${A:?no}", Map.of("A", "a"))).isEqualTo("x/a");
  }

  private static String generate() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("sh", Repository.file("deploy/compose/generate-env.sh").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
