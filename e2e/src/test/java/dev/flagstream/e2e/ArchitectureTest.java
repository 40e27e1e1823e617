package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end tests reach the services as users do, through their processes, HTTP and Kafka:
 * nothing of a service is on the tests' class path, so no test can call into one.
 */
class ArchitectureTest {

  @Test
  void noServiceClass_isOnTheTestClassPath() {
    for (String application :
        List.of(
            "dev.flagstream.admin.AdminApplication",
            "dev.flagstream.evaluator.EvaluatorApplication")) {
      assertThatThrownBy(() -> Class.forName(application))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void theServicesJars_areNotOnTheTestClassPath() {
    assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
        .noneMatch(entry -> entry.contains("flag-admin-service"))
        .noneMatch(entry -> entry.contains("flag-evaluator-service"));
  }
}
