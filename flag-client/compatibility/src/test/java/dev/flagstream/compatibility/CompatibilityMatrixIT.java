package dev.flagstream.compatibility;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.local.infrastructure.LocalKafka;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Builds every consumer project of {@code src/matrix} with Maven, as a user's build would, against
 * one real broker that they share, two at a time; each is a test that passes when its build does.
 * What each platform resolved is written to {@code target/matrix/report.md}.
 */
class CompatibilityMatrixIT {
  private static LocalKafka kafka;
  private static ExecutorService builds;
  private static final List<MatrixProject.Result> results = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafka.startTemporary();
    builds = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopBroker() throws IOException {
    builds.shutdownNow();
    kafka.close();
    MatrixProject.writeReport(MatrixSettings.fromSystemProperties().work(), results);
  }

  @TestFactory
  Stream<DynamicTest> everyPlatformBuildsAndPassesTheKit() throws IOException {
    MatrixSettings settings = MatrixSettings.fromSystemProperties();
    List<MatrixProject> projects = MatrixProject.all(settings.projects());
    Map<String, String> properties = Map.of("flagstream.kafka", kafka.bootstrapServers());
    List<Future<MatrixProject.Result>> running = new ArrayList<>();
    for (MatrixProject project : projects) {
      running.add(builds.submit(() -> project.build(settings, properties)));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      Future<MatrixProject.Result> build = running.get(i);
      tests.add(
          dynamicTest(
              projects.get(i).name(),
              () -> {
                MatrixProject.Result result = build.get();
                synchronized (results) {
                  results.add(result);
                }
                assertTrue(result.asExpected(), result::explanation);
              }));
    }
    return tests.stream();
  }
}
