package dev.flagstream.admin.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

  @Test
  void theListFile_skipsCommentsAndBlankLines_andTrimsEntries() throws IOException {
    var file = "# a comment\n\n  hunter2  \nletmein\n#another\n";
    assertThat(
            CommonPasswords.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
        .containsExactlyInAnyOrder("hunter2", "letmein");
  }

  @Test
  void theShippedList_holdsThirtyThousandPasswords_andAMissingListStopsTheService() {
    assertThat(CommonPasswords.shipped()).hasSize(30_000).contains("password", "dragon");
    assertThatThrownBy(() -> CommonPasswords.fromResource("/passwords/none.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/passwords/none.txt");
  }
}
