package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

  @Test
  void field_readsKilobytes_asBytes_andIsEmptyWithoutTheLineOrTheFile(@TempDir Path directory)
      throws IOException {
    Path status = directory.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmRSS:\t  412000 kB\nThreads:\t40\n");

    assertThat(ProcessMemory.field(status, "VmRSS:")).hasValue(412_000L * 1024);
    assertThat(ProcessMemory.field(status, "Pss:")).isEmpty();
    assertThat(ProcessMemory.field(directory.resolve("gone"), "VmRSS:")).isEmpty();
  }

  @Test
  void megabytes_roundsToWholeMegabytes_orSaysNotAvailable() {
    assertThat(ProcessMemory.megabytes(OptionalLong.of(412_000L * 1024))).isEqualTo("402 MB");
    assertThat(ProcessMemory.megabytes(OptionalLong.empty())).isEqualTo("n/a");
  }

  @Test
  void aProcessThatIsGone_hasNoMemory() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();

    assertThat(ProcessMemory.residentBytes(done.pid())).isEmpty();
    assertThat(ProcessMemory.treeBytes(done.pid())).isEmpty();
  }

  @Test
  void thisProcess_holdsSomeMemory() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcessMemory.residentBytes(self).orElseThrow()).isPositive();
    assertThat(ProcessMemory.treeBytes(self).orElseThrow()).isPositive();
    assertThat(ProcessMemory.treeSize(self)).isPositive();
  }
}
