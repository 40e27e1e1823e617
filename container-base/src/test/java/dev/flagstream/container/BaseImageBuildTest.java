package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.container.fixtures.FakeDeb;
import dev.flagstream.container.fixtures.FakeSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.jar.JarInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageBuildTest {
  @TempDir Path directory;

  private ImageArchive built() throws IOException {
    Path archive = directory.resolve("out/base.tar");
    List<String> versions =
        BaseImageBuild.build(
            FakeSystem.packages(directory), "amd64", archive, "flagstream/java-runtime:test");
    assertThat(versions)
        .containsExactly(
            "base-files=12.4", "ca-certificates=20250419", "openjdk-17-jre-headless=17.0.21");
    return ImageArchive.open(archive);
  }

  @Test
  void theImage_runsAsNonroot_withJavaOnThePath_andTheHealthCheck() throws IOException {
    ImageArchive image = built();
    assertThat(image.tags()).containsExactly("flagstream/java-runtime:test");
    assertThat(image.layerCount()).isOne();
    assertThat(image.architecture()).isEqualTo("amd64");
    assertThat(image.user()).isEqualTo("65532:65532");
    assertThat(image.workingDirectory()).isEqualTo("/home/nonroot");
    assertThat(image.environment())
        .containsEntry("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
        .containsEntry("LANG", "C.UTF-8")
        .containsEntry("PATH", BaseImageBuild.PATH);
    assertThat(image.healthCheck())
        .startsWith("CMD", "java")
        .endsWith("-jar", "/opt/flagstream/healthcheck.jar");
    assertThat(image.healthCheckTiming())
        .containsEntry("Interval", 10_000_000_000L)
        .containsEntry("Timeout", 5_000_000_000L)
        .containsEntry("StartPeriod", 90_000_000_000L)
        .containsEntry("Retries", 3L);
    assertThat(image.labels())
        .containsEntry(
            "dev.flagstream.base.packages",
            "base-files=12.4 ca-certificates=20250419 openjdk-17-jre-headless=17.0.21")
        .containsKey("org.opencontainers.image.title");
    assertThat(image.entrypoint()).isEmpty();
    assertThat(image.command()).isEmpty();
    assertThat(image.exposedPorts()).isEmpty();
    assertThat(image.configurationJson()).contains("\"diff_ids\":[\"sha256:");
  }

  @Test
  void theFiles_areThePackagesLessDocumentation_plusWhatAnImageNeeds() throws IOException {
    ImageArchive image = built();
    List<String> paths = image.entries().stream().map(ImageArchive.Entry::path).toList();
    assertThat(paths)
        .contains(
            "usr/lib/os-release",
            "etc/os-release",
            "usr/share/doc/base-files/copyright",
            "usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "usr/lib/jvm/java-17-openjdk-amd64/bin/java-again",
            "etc/passwd",
            "etc/group",
            "etc/nsswitch.conf",
            "etc/ssl/certs/java/cacerts",
            "usr/bin/java",
            "opt/flagstream/healthcheck.jar",
            "var/lib/dpkg/status.d/openjdk-17-jre-headless")
        .doesNotContain(
            "usr/share/doc/base-files/README", "usr/share/man/man8/update-ca-certificates.8.gz")
        .doesNotHaveDuplicates();
    assertThat(image.entries())
        .filteredOn(entry -> entry.path().equals("home/nonroot"))
        .singleElement()
        .satisfies(
            home -> {
              assertThat(home.isDirectory()).isTrue();
              assertThat(home.mode()).isEqualTo(0700);
              assertThat(home.uid()).isEqualTo(65532);
              assertThat(home.gid()).isEqualTo(65532);
            });
    assertThat(image.entries())
        .filteredOn(entry -> entry.path().equals("tmp"))
        .extracting(ImageArchive.Entry::mode)
        .containsOnly(01777);
    assertThat(image.entries())
        .filteredOn(entry -> entry.path().equals("usr/bin/java"))
        .singleElement()
        .satisfies(
            java -> {
              assertThat(java.isSymbolicLink()).isTrue();
              assertThat(java.linkName()).isEqualTo("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
            });
    assertThat(new String(image.read("var/lib/dpkg/status.d/openjdk-17-jre-headless")))
        .startsWith("Package: openjdk-17-jre-headless\nStatus: install ok installed\n")
        .contains("Version: 17.0.21\n");
  }

  @Test
  void theTrustStore_isBuiltFromTheCaCertificatesPackage() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(built().read("/etc/ssl/certs/java/cacerts")), null);
    assertThat(store.size()).isOne();
  }

  @Test
  void theHealthCheckJar_runsHealthCheck_andHoldsNothingElse() throws IOException {
    try (JarInputStream jar =
        new JarInputStream(
            new ByteArrayInputStream(built().read("opt/flagstream/healthcheck.jar")))) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(HealthCheck.class.getName());
      assertThat(jar.getNextJarEntry().getName())
          .isEqualTo("dev/flagstream/container/HealthCheck.class");
      assertThat(jar.getNextJarEntry()).isNull();
    }
  }

  @Test
  void theSamePackages_giveTheSameArchive() throws IOException {
    List<Path> debs = FakeSystem.packages(directory);
    Path first = directory.resolve("first.tar");
    Path second = directory.resolve("second.tar");
    BaseImageBuild.build(debs, "amd64", first, "t:1");
    BaseImageBuild.build(debs, "amd64", second, "t:1");
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    try (var left = Files.list(directory)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.startsWith("layer"));
    }
  }

  @Test
  void theConfiguration_isWrittenInOneOrder_soEveryBuildOfTheSamePackagesHasOneDigest()
      throws IOException {
    // Unordered maps would pass the test above (one JVM) yet differ between builds.
    built();
    assertThat(writtenConfiguration(directory.resolve("out/base.tar")))
        .contains("\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:")
        .contains("\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":");
  }

  /** The configuration's bytes as the archive holds them. */
  private static String writtenConfiguration(Path archive) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().endsWith(".json") && !entry.getName().equals("manifest.json")) {
          return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no configuration in " + archive);
  }

  @Test
  void aPackageForAnotherArchitecture_isRefused() throws IOException {
    Path arm = FakeDeb.of("libc6", "2.36", "arm64").writeTo(directory);
    assertThatThrownBy(
            () -> BaseImageBuild.build(List.of(arm), "amd64", directory.resolve("x.tar"), "t:1"))
        .hasMessageContaining("is for arm64, not amd64");
  }

  @Test
  void extractTo_writesTheFileSystem_withTheContainerUsersPermissions() throws IOException {
    ImageArchive image = built();
    Path root = directory.resolve("root");
    image.extractTo(root);
    assertThat(root.resolve("usr/lib/jvm/java-17-openjdk-amd64/bin/java"))
        .hasContent("#!java")
        .isExecutable();
    assertThat(Files.readSymbolicLink(root.resolve("usr/bin/java")))
        .isEqualTo(Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
    assertThat(
            Files.isSameFile(
                root.resolve("usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
                root.resolve("usr/lib/jvm/java-17-openjdk-amd64/bin/java-again")))
        .isTrue();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("home/nonroot"))))
        .isEqualTo("rwxrwxrwx");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("etc/passwd"))))
        .isEqualTo("rw-r--r--");
    assertThat(root.resolve("etc/ssl/certs/java/cacerts")).isRegularFile();
    image.extractTo(root);
    assertThat(root.resolve("etc/passwd")).hasContent(RootFilesystem.passwd().strip());
  }

  @Test
  void options_areNameValuePairs() {
    assertThat(BaseImageBuild.options(new String[] {"--output=a=b", "--cache=/c"}))
        .containsEntry("output", "a=b")
        .containsEntry("cache", "/c");
    assertThatThrownBy(() -> BaseImageBuild.options(new String[] {"output"}))
        .hasMessageContaining("--name=value");
    assertThatThrownBy(() -> BaseImageBuild.main(new String[] {"--cache=/c"}))
        .hasMessageContaining("--output= is required");
  }
}
