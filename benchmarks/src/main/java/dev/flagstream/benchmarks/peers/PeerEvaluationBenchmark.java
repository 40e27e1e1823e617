package dev.flagstream.benchmarks.peers;

import com.launchdarkly.sdk.LDContext;
import dev.openfeature.sdk.ImmutableContext;
import io.getunleash.UnleashContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One flag at a 50 % rollout, one boolean answer per call, through each SDK's public API as an
 * application calls it: Flagstream's {@code isEnabled(flag, userId)}, and each peer with the
 * per-call context its API asks for (building that context is part of what a caller pays). Every
 * SDK holds the same flag, loaded offline, and is asked about the same 1,024 user ids in the same
 * order; each setup checks that about half of them get the flag. The peers' flags differ only in
 * format; their hashing differs, so a given user's answer may differ between SDKs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PeerEvaluationBenchmark {

  @Benchmark
  public boolean flagstream(FlagstreamClient sdk, UserIds users) {
    return sdk.client.isEnabled(RolloutFiles.FLAG, users.next());
  }

  @Benchmark
  public boolean launchDarkly(LaunchDarklyClient sdk, UserIds users) {
    return sdk.client.boolVariation(RolloutFiles.FLAG, LDContext.create(users.next()), false);
  }

  @Benchmark
  public boolean flagd(FlagdClient sdk, UserIds users) {
    return sdk.client.getBooleanValue(RolloutFiles.FLAG, false, new ImmutableContext(users.next()));
  }

  @Benchmark
  public boolean unleash(UnleashClient sdk, UserIds users) {
    return sdk.client.isEnabled(
        RolloutFiles.FLAG, UnleashContext.builder().userId(users.next()).build());
  }
}
