package dev.flagstream.benchmarks.peers;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import java.io.IOException;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * LaunchDarkly's Java server SDK with its file data source, no events and no diagnostics: nothing
 * leaves the process. ({@code offline(true)} would ignore the file and serve only defaults.) The
 * flag's fallthrough is a 50/50 percentage rollout.
 */
@State(Scope.Benchmark)
public class LaunchDarklyClient {
  LDClient client;

  @Setup(Level.Trial)
  public void start() {
    LDConfig config =
        new LDConfig.Builder()
            .dataSource(
                FileData.dataSource()
                    .filePaths(RolloutFiles.copy("launchdarkly-flags.json"))
                    .autoUpdate(false))
            .events(Components.noEvents())
            .diagnosticOptOut(true)
            .build();
    client = new LDClient("sdk-benchmark-offline", config);
    if (!client.isInitialized()) {
      throw new IllegalStateException("LaunchDarkly did not load its flag file");
    }
    RolloutFiles.requireAboutHalf(
        "LaunchDarkly",
        Arrays.stream(UserIds.all())
            .filter(id -> client.boolVariation(RolloutFiles.FLAG, LDContext.create(id), false))
            .count());
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
  }
}
