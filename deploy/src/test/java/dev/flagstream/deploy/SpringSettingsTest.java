package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.deploy.fixtures.SpringSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each Spring Boot generation keeps the settings in an executable jar. */
class SpringSettingsTest {
  private static final String METADATA =
      "{\"properties\":[{\"name\":\"flags.kafka.bootstrap-servers\",\"type\":\"java.lang.String\"}]}";

  @TempDir Path directory;

  private Path jar(String metadataEntry) throws IOException {
    Path jar = directory.resolve("service-exec.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/application.yml"));
      zip.write("server:\n  port: 3002\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      if (metadataEntry != null) {
        zip.putNextEntry(new ZipEntry(metadataEntry));
        zip.write(METADATA.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aBoot4Jar_keepsTheServicesMetadataAtItsRoot_andItsPropertiesAreRead() throws IOException {
    SpringSettings settings = SpringSettings.of(jar("META-INF/spring-configuration-metadata.json"));
    assertThat(settings.ownProperties()).containsExactly("flags.kafka.bootstrap-servers");
    assertThat(settings.reads("FLAGS_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
    assertThat(settings.reads("SERVER_PORT")).isTrue();
    assertThat(settings.reads("FLAGS_KAFKA_BOOTSTRAP")).isFalse();
  }

  @Test
  void aPropertyWithoutADash_hasOneEnvironmentName_oneWithADashHasBoth() {
    assertThat(SpringSettings.environmentNames("server.port")).containsExactly("SERVER_PORT");
    assertThat(SpringSettings.environmentNames("flags.kafka.bootstrap-servers"))
        .containsExactlyInAnyOrder("FLAGS_KAFKA_BOOTSTRAPSERVERS", "FLAGS_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void aBoot3Jar_keepsItAmongTheClasses_andItsPropertiesAreRead() throws IOException {
    SpringSettings settings =
        SpringSettings.of(jar("BOOT-INF/classes/META-INF/spring-configuration-metadata.json"));
    assertThat(settings.ownProperties()).containsExactly("flags.kafka.bootstrap-servers");
  }

  @Test
  void aJarWithoutMetadataOfItsOwn_isRefused_asEveryVariableWouldLookUnread() throws IOException {
    Path jar = jar(null);
    assertThatThrownBy(() -> SpringSettings.of(jar))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is the configuration processor on?");
  }
}
