package dev.flagstream.local.infrastructure;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The files of a single-node KRaft broker: in its data directory its properties and its formatted
 * log directory, and wherever it is told, its output.
 */
final class KafkaBrokerStorage {
  private static final int NODE_ID = 1;
  private static final int EXCERPT_LINES = 40;

  private final Path directory;
  private final Path logFile;

  KafkaBrokerStorage(Path directory, Path logFile) {
    this.directory = directory;
    this.logFile = logFile;
  }

  /** The broker's output, appended to on every start. */
  Path logFile() {
    return logFile;
  }

  /** The current length of {@link #logFile()}, where the output of the next start begins. */
  long logLength() {
    try {
      return Files.exists(logFile()) ? Files.size(logFile()) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What explains a failed start: see {@link #explain(List)}. */
  String explainOutputSince(long position) {
    try (SeekableByteChannel channel = Files.newByteChannel(logFile())) {
      channel.position(position);
      String output = new String(Channels.newInputStream(channel).readAllBytes(), UTF_8);
      return explain(output.lines().toList());
    } catch (IOException e) {
      return "(" + logFile() + " is unreadable: " + e + ")";
    }
  }

  /**
   * From the first error on, as that names the cause (the shutdown that follows logs plenty), or
   * the last lines when nothing was logged as an error; at most {@value #EXCERPT_LINES} lines.
   */
  static String explain(List<String> output) {
    int firstError = 0;
    while (firstError < output.size() && !output.get(firstError).contains(" ERROR ")) {
      firstError++;
    }
    int from = firstError < output.size() ? firstError : Math.max(0, output.size() - EXCERPT_LINES);
    return String.join("\n", output.subList(from, Math.min(output.size(), from + EXCERPT_LINES)));
  }

  private Path logDirectory() {
    return directory.resolve("kraft-combined-logs");
  }

  /**
   * Writes the broker's properties for this start and returns their path. The controller port may
   * differ from start to start: the quorum's only voter is named in the properties ({@code
   * controller.quorum.voters}) rather than recorded in the metadata log, as {@code --standalone}
   * would, so no port is stored in the data. With {@code sasl} enabled, every listener asks for
   * credentials and ACLs decide what each user may do.
   */
  Path writeProperties(int port, int controllerPort, KafkaSasl sasl) {
    Properties properties = new Properties();
    String protocol = sasl.protocol();
    properties.setProperty("process.roles", "broker,controller");
    properties.setProperty("node.id", Integer.toString(NODE_ID));
    properties.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    properties.setProperty(
        "listeners",
        protocol + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    properties.setProperty("advertised.listeners", protocol + "://localhost:" + port);
    properties.setProperty(
        "listener.security.protocol.map", protocol + ":" + protocol + ",CONTROLLER:" + protocol);
    properties.setProperty("controller.listener.names", "CONTROLLER");
    properties.setProperty("inter.broker.listener.name", protocol);
    sasl.addBrokerSettings(properties);
    properties.setProperty("log.dirs", logDirectory().toString());
    // One node: every internal topic has one replica, and that replica is enough.
    properties.setProperty("offsets.topic.replication.factor", "1");
    properties.setProperty("transaction.state.log.replication.factor", "1");
    properties.setProperty("transaction.state.log.min.isr", "1");
    properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
    properties.setProperty("share.coordinator.state.topic.min.isr", "1");
    properties.setProperty("min.insync.replicas", "1");
    // Topics are created on purpose, as in production; a typo must not create one.
    properties.setProperty("auto.create.topics.enable", "false");
    // Waiting 3 s for more members before a group's first rebalance only slows tests down.
    properties.setProperty("group.initial.rebalance.delay.ms", "0");
    // After a crash the controller refuses the broker's new registration until the old one's
    // session expires: 9 s by default. Heartbeats stay six times more frequent than that timeout.
    properties.setProperty("broker.heartbeat.interval.ms", "500");
    properties.setProperty("broker.session.timeout.ms", "3000");
    Path file = directory.resolve("server.properties");
    try (Writer writer = Files.newBufferedWriter(file, UTF_8)) {
      properties.store(writer, "Written by LocalKafka on every start");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Formats the log directory with a new cluster id, as {@code kafka-storage.sh format} does,
   * unless it is formatted already: formatting again would fail, and a new cluster id would orphan
   * the data.
   */
  void formatUnlessFormatted(Path properties) {
    if (Files.exists(logDirectory().resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {
                "format",
                "--config",
                properties.toString(),
                "--cluster-id",
                Uuid.randomUuid().toString()
              },
              print);
    } catch (Exception e) { // Scala declares nothing: an IOException may arrive here too
      throw new IllegalStateException("could not format " + logDirectory() + ": " + output, e);
    }
    if (status != 0) {
      throw new IllegalStateException("could not format " + logDirectory() + ": " + output);
    }
  }
}
