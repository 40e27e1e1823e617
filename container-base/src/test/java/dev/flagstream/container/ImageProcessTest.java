package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unshare} is replaced by scripts that play a machine that allows namespaces or not. */
class ImageProcessTest {
  @TempDir Path directory;

  private Path unshare(String name, String body) throws IOException {
    Path script = directory.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void withoutUserNamespaces_startingAnImageFails_sayingWhyAndWhatToChange() throws IOException {
    Path refusing =
        unshare(
            "refusing",
            "echo 'unshare: write failed /proc/self/uid_map: Operation not permitted'; exit 1");
    assertThatThrownBy(() -> ImageProcess.requireNamespaces(refusing.toString(), new int[] {1, 2}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exit 1: unshare: write failed /proc/self/uid_map")
        .hasMessageContaining("kernel.apparmor_restrict_unprivileged_userns=0");
  }

  @Test
  void theProbe_asksForTheImagesUser_andEveryNamespaceTheProcessGets() throws IOException {
    Path recording =
        unshare(
            "recording",
            "[ \"$*\" = '--map-user=65532 --map-group=65533 --fork --pid --mount --mount-proc true' ]");
    assertThatCode(
            () -> ImageProcess.requireNamespaces(recording.toString(), new int[] {65532, 65533}))
        .doesNotThrowAnyException();
  }
}
