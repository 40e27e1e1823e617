package dev.flagstream.local.infrastructure;

/**
 * The main class of the broker's own JVM, started by {@link LocalKafka}: runs {@code kafka.Kafka}
 * and exits when the JVM that started it ends. A shutdown hook in that JVM covers a normal exit;
 * this covers SIGKILL and crashes, where no hook runs and the broker would otherwise live on,
 * holding its ports.
 */
final class KafkaBrokerProcess {
  private KafkaBrokerProcess() {}

  /** Arguments: the process id of the starting JVM, then the path of the broker's properties. */
  public static void main(String[] args) {
    // System.exit runs Kafka's own shutdown hook, so even an orphaned broker shuts down cleanly.
    ProcessHandle.of(Long.parseLong(args[0]))
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> System.exit(1)), () -> System.exit(1));
    kafka.Kafka.main(new String[] {args[1]});
  }
}
