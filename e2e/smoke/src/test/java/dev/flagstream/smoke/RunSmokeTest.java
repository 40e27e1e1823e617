package dev.flagstream.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSmokeTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void withoutArguments_printsUsageAndExits2() {
    assertThat(RunSmoke.run(new String[0], Map.of(), out)).isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("usage: run-smoke.sh");
  }

  @Test
  void withoutTheTokenOrKey_namesWhatIsMissingAndExits2() {
    assertThat(RunSmoke.run(new String[] {"http://a:3001"}, Map.of("SMOKE_TOKEN", "t"), out))
        .isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("SMOKE_SDK_KEY");
  }

  @Test
  void theEvaluator_defaultsToPort3002BesideAnAdminOn3001Only() {
    assertThat(RunSmoke.defaultEvaluator("http://localhost:3001"))
        .isEqualTo("http://localhost:3002");
    assertThat(RunSmoke.defaultEvaluator("http://localhost:3001/"))
        .isEqualTo("http://localhost:3002");
    assertThat(RunSmoke.defaultEvaluator("https://flags.example.com")).isNull();
  }
}
