package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base image this build wrote from Debian's packages: its configuration, and its Java run in
 * its own file system as its own user, the way a container engine would run it.
 */
class BaseImageIT {
  private static final Path ARCHIVE = Path.of("target/flagstream-java-runtime.tar");

  @TempDir static Path root;
  private static ImageArchive image;

  @BeforeAll
  static void extract() throws IOException {
    image = ImageArchive.open(ARCHIVE);
    image.extractTo(root);
  }

  private static ImageProcess.Result run(String... command) throws IOException {
    return ImageProcess.run(image, root, Map.of(), List.of(command), Duration.ofSeconds(60));
  }

  @Test
  void theImage_isOneLayerOfDebianPackages_runningAsNonroot() {
    assertThat(image.tags()).containsExactly("flagstream/java-runtime:17");
    assertThat(image.user()).isEqualTo("65532:65532");
    assertThat(image.labels().get("dev.flagstream.base.packages"))
        .contains("libc6=2.36-", "openjdk-17-jre-headless=17.0.", "ca-certificates=");
    assertThat(image.healthCheck()).endsWith("-jar", "/opt/flagstream/healthcheck.jar");
  }

  @Test
  void java_runsInTheImage_asNonroot_withItsHome() throws IOException {
    ImageProcess.Result result = run("java", "-XshowSettings:properties", "-version");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("openjdk version \"17.0.")
        .contains("user.name = nonroot")
        .contains("user.home = /home/nonroot")
        .contains("java.home = /usr/lib/jvm/java-17-openjdk-amd64");
  }

  @Test
  void javasTrustStore_holdsTheCaCertificatesOfDebian() throws IOException {
    ImageProcess.Result result =
        run(
            "/usr/lib/jvm/java-17-openjdk-amd64/bin/keytool",
            "-list",
            "-cacerts",
            "-storepass",
            "changeit");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("Your keystore contains 1\\d\\d entries");
  }

  @Test
  void theHealthCheck_runsInTheImage_andFailsWhenNothingAnswers() throws IOException {
    List<String> check = image.healthCheck().subList(1, image.healthCheck().size());
    ImageProcess.Result result =
        ImageProcess.run(image, root, Map.of("SERVER_PORT", "9"), check, Duration.ofSeconds(60));
    assertThat(result.exitCode()).isOne();
    assertThat(result.output()).contains("http://127.0.0.1:9/health/ready answered nothing");
  }
}
