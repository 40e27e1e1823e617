package dev.flagstream.benchmarks.peers;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.repository.ToggleBootstrapFileProvider;
import io.getunleash.util.UnleashConfig;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Unleash's Java SDK bootstrapped from a features file, with polling and metrics off: nothing
 * leaves the process. The flag has one {@code flexibleRollout} strategy at 50 % with default
 * stickiness. Which version runs depends on the jar: {@code benchmarks.jar} holds 12.x, {@code
 * benchmarks-unleash9.jar} 9.3.2; the call is the same.
 */
@State(Scope.Benchmark)
public class UnleashClient {
  Unleash client;

  @Setup(Level.Trial)
  public void start() {
    String features = RolloutFiles.copy("unleash-features.json").toString();
    UnleashConfig config =
        UnleashConfig.builder()
            .appName("flagstream-benchmark")
            .unleashAPI("http://127.0.0.1:9/api/")
            .disablePolling()
            .disableMetrics()
            .backupFile(features)
            .toggleBootstrapProvider(new ToggleBootstrapFileProvider(features))
            .build();
    client = new DefaultUnleash(config);
    RolloutFiles.requireAboutHalf(
        "Unleash",
        Arrays.stream(UserIds.all())
            .filter(
                id ->
                    client.isEnabled(
                        RolloutFiles.FLAG, UnleashContext.builder().userId(id).build()))
            .count());
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.shutdown();
  }
}
