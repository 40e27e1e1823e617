package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessControlTest {

  private static Process start(String... command) throws IOException {
    return new ProcessBuilder(command).start();
  }

  @Test
  void terminate_endsAProcessThatHeedsSigterm_withinTheGrace() throws IOException {
    Process sleeping = start("sleep", "60");

    assertThat(ProcessControl.terminate(sleeping, Duration.ofSeconds(20))).isTrue();
    assertThat(sleeping.isAlive()).isFalse();
  }

  @Test
  void terminate_killsAProcessThatIgnoresSigterm_afterTheGrace() throws Exception {
    Process stubborn = start("sh", "-c", "trap '' TERM; echo trapped; exec sleep 60 <&-");
    stubborn.getInputStream().read(); // the trap is set once it speaks
    ProcessControl.signal(stubborn, "STOP");
    ProcessControl.signal(stubborn, "CONT");

    assertThat(ProcessControl.terminate(stubborn, Duration.ofMillis(300))).isFalse();
    assertThat(stubborn.isAlive()).isFalse();
  }

  @Test
  void signal_toAProcessThatIsGone_fails() throws Exception {
    Process done = start("true");
    done.waitFor();

    assertThatThrownBy(() -> ProcessControl.signal(done, "CONT"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kill -CONT");
  }
}
