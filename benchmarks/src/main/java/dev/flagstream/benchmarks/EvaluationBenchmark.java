package dev.flagstream.benchmarks;

import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.MurmurHash3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation of a flag already held in memory, as an SDK or the evaluator does it per request. User
 * ids rotate through a pool of UUID strings, so the hash cannot be folded into a constant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EvaluationBenchmark {
  private static final int USERS = 1024;

  private Flag partialRollout;
  private Flag withAllowlist;
  private Flag disabled;
  private CompiledFlag compiledPartialRollout;
  private CompiledFlag compiledWithAllowlist;
  private String[] userIds;
  private String listedUser;
  private byte[][] encodedKeys;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    userIds = new String[USERS];
    for (int i = 0; i < USERS; i++) {
      userIds[i] = new UUID(random.nextLong(), random.nextLong()).toString();
    }
    encodedKeys = new byte[USERS][];
    for (int i = 0; i < USERS; i++) {
      encodedKeys[i] = ("metmap-ai-copilot:" + userIds[i]).getBytes(StandardCharsets.UTF_8);
    }
    List<UUID> allowlist = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      allowlist.add(new UUID(random.nextLong(), random.nextLong()));
    }
    listedUser = allowlist.get(500).toString();
    partialRollout = Flag.builder("metmap-ai-copilot").enabled(true).rolloutPercentage(50).build();
    withAllowlist = partialRollout.toBuilder().userAllowlist(allowlist).build();
    disabled = partialRollout.toBuilder().enabled(false).build();
    compiledPartialRollout = CompiledFlag.of(partialRollout);
    compiledWithAllowlist = CompiledFlag.of(withAllowlist);
  }

  private String nextUser() {
    return userIds[next++ & (USERS - 1)];
  }

  /** The common case: an enabled flag at a partial rollout, decided by the user's bucket. */
  @Benchmark
  public Evaluation partialRollout() {
    return FlagEvaluator.evaluate(partialRollout, nextUser());
  }

  /** The same with a 1,000-entry allowlist the user is not on: lookup plus bucket. */
  @Benchmark
  public Evaluation partialRolloutBehindAllowlist() {
    return FlagEvaluator.evaluate(withAllowlist, nextUser());
  }

  /** An allowlisted user: parse the id and find it, no hash. */
  @Benchmark
  public Evaluation allowlistedUser() {
    return FlagEvaluator.evaluate(withAllowlist, listedUser);
  }

  /** As a store evaluates: the flag compiled once, the common case of a partial rollout. */
  @Benchmark
  public Evaluation compiledPartialRollout() {
    return compiledPartialRollout.evaluate(nextUser());
  }

  /** As a store evaluates, with a 1,000-entry allowlist the user is not on. */
  @Benchmark
  public Evaluation compiledPartialRolloutBehindAllowlist() {
    return compiledWithAllowlist.evaluate(nextUser());
  }

  /**
   * Yardstick, not Flagstream code: commons-codec's MurmurHash3 over the same bytes, already
   * encoded. Tells how fast this machine hashes, so the figures above can be read against it.
   */
  @Benchmark
  public int referenceHashOfEncodedBytes() {
    byte[] bytes = encodedKeys[next++ & (USERS - 1)];
    return MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
  }

  /** The kill switch: the cheapest path. */
  @Benchmark
  public Evaluation disabledFlag() {
    return FlagEvaluator.evaluate(disabled, nextUser());
  }
}
