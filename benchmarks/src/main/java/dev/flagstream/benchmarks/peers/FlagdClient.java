package dev.flagstream.benchmarks.peers;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * flagd's in-process OpenFeature provider reading a flag file (the file resolver: no flagd daemon,
 * no network), called through the OpenFeature client as applications call it. The flag's targeting
 * is a 50/50 {@code fractional} split on the targeting key.
 */
@State(Scope.Benchmark)
public class FlagdClient {
  private static final String DOMAIN = "flagd-benchmark";

  Client client;

  @Setup(Level.Trial)
  public void start() {
    FlagdProvider provider =
        new FlagdProvider(
            FlagdOptions.builder()
                .resolverType(Config.Resolver.FILE)
                // Reading and validating the file takes more than the default second on a busy
                // machine.
                .deadline(30_000)
                .offlineFlagSourcePath(RolloutFiles.copy("flagd-flags.json").toString())
                .build());
    OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, provider);
    client = OpenFeatureAPI.getInstance().getClient(DOMAIN);
    RolloutFiles.requireAboutHalf(
        "flagd",
        Arrays.stream(UserIds.all())
            .filter(
                id -> client.getBooleanValue(RolloutFiles.FLAG, false, new ImmutableContext(id)))
            .count());
  }

  @TearDown(Level.Trial)
  public void stop() {
    OpenFeatureAPI.getInstance().shutdown();
  }
}
