package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.evaluator.EvaluatorApplication;
import dev.flagstream.evaluator.fixtures.InMemoryStore;
import dev.flagstream.evaluator.fixtures.Keys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A configuration the evaluator could not safely serve with stops it at start, saying why. */
class StartupChecksIT {

  private static void start(String... settings) {
    String[] args = new String[settings.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--spring.main.allow-bean-definition-overriding=true";
    System.arraycopy(settings, 0, args, 2, settings.length);
    new SpringApplicationBuilder(EvaluatorApplication.class, InMemoryStore.class).run(args).close();
  }

  @Test
  void withoutKeys_itDoesNotStart() {
    assertThatThrownBy(StartupChecksIT::start).hasStackTraceContaining("no SDK keys");
  }

  @Test
  void withAShortKey_itDoesNotStart() {
    assertThatThrownBy(() -> start("--flags.keys.server=" + Keys.SERVER, "--flags.keys.client=abc"))
        .hasStackTraceContaining("flags.keys.client[0] is shorter than 16 characters");
  }

  @Test
  void withAnAdminUrlButNoKeyForIt_itDoesNotStart() {
    assertThatThrownBy(
            () ->
                start("--flags.keys.server=" + Keys.SERVER, "--flags.admin-url=http://admin:3001"))
        .hasStackTraceContaining("flags.admin-server-key");
  }
}
