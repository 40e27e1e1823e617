package dev.flagstream.benchmarks;

import dev.flagstream.benchmarks.coldstart.ColdStartHarness;
import dev.flagstream.benchmarks.fanout.FanoutHarness;
import dev.flagstream.benchmarks.peers.PeersHarness;
import dev.flagstream.benchmarks.propagation.PropagationHarness;
import dev.flagstream.benchmarks.throughput.ThroughputHarness;
import dev.flagstream.benchmarks.writes.WritesHarness;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs one harness by name, with its options: {@code ./mvnw -pl benchmarks -am verify
 * -Dharness="propagation --changes 1000"}. Each harness starts what it measures itself (the local
 * platform, or for {@code peers} the SDKs under JMH), measures, prints its report and writes its
 * charts under {@code benchmarks/target/}.
 */
public final class Harness {
  private interface Main {
    void run(String[] args) throws Exception;
  }

  private static final Map<String, Main> HARNESSES =
      Map.of(
          "propagation",
          PropagationHarness::main,
          "throughput",
          ThroughputHarness::main,
          "coldstart",
          ColdStartHarness::main,
          "fanout",
          FanoutHarness::main,
          "writes",
          WritesHarness::main,
          "peers",
          PeersHarness::main);

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Main harness = args.length == 0 ? null : HARNESSES.get(args[0]);
    if (harness == null) {
      System.err.println("Name a harness: " + String.join(", ", HARNESSES.keySet()));
      System.exit(2);
    }
    harness.run(Arrays.copyOfRange(args, 1, args.length));
  }
}
