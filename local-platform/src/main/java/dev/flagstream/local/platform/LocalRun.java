package dev.flagstream.local.platform;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./mvnw -Prun}: starts the platform on the usual ports (admin 3001, evaluator 3002, Kafka
 * 9092) with its data in {@code .flagstream/}, prints where everything is, and runs until Ctrl-C,
 * which stops everything. Prints little else: each service's warnings and errors, with its name;
 * the full logs are in {@code .flagstream/logs/}.
 *
 * <p>System properties: {@code flagstream.home}, {@code flagstream.admin.port}, {@code
 * flagstream.evaluator.port}, {@code flagstream.kafka.port}, {@code flagstream.postgres.port} (a
 * free port by default, printed in the banner), and the jars ({@value LocalPlatform#ADMIN_JAR},
 * {@value LocalPlatform#EVALUATOR_JAR}).
 */
public final class LocalRun {
  private LocalRun() {}

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("flagstream.home", ".flagstream")).toAbsolutePath();
    System.out.println(
        "Starting Flagstream: data in " + home + ", logs in " + home.resolve("logs"));
    LocalPlatform platform =
        LocalPlatform.builder()
            .home(home)
            .durable(true)
            .adminPort(Integer.getInteger("flagstream.admin.port", 3001))
            .evaluatorPort(Integer.getInteger("flagstream.evaluator.port", 3002))
            .kafkaPort(Integer.getInteger("flagstream.kafka.port", 9092))
            .postgresPort(Integer.getInteger("flagstream.postgres.port", 0))
            .start();
    Duration startup = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    System.out.println(Banner.of(platform, startup, Banner.memory(platform)));
    awaitAnExit(platform);
  }

  /**
   * Blocks while both services run. One that ends by itself ends the run: the platform stops, and
   * the launcher exits with status 1. Ctrl-C stops the platform through its shutdown hook.
   */
  private static void awaitAnExit(LocalPlatform platform) {
    CompletableFuture.anyOf(platform.admin().onExit(), platform.evaluator().onExit()).join();
    if (!platform.isStopping()) {
      System.err.println(
          "A service stopped by itself; the platform stops too. Logs: " + platform.logDirectory());
      platform.close();
      System.exit(1);
    }
  }
}
