package dev.flagstream.benchmarks;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the wire forms an SDK reads: one change event, as every record of the flag topic, and a
 * snapshot of 200 flags, as every refresh. The contracts' own codec against Jackson 3 configured as
 * the contracts used it (which is also what a shaded, relocated Jackson would run).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JsonParsingBenchmark {
  private static final JsonMapper JACKSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private byte[] event;
  private byte[] snapshot;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      flags.add(flag("flag-" + i, random));
    }
    event = FlagChangeJson.toBytes(FlagChangeEvent.upsert(flags.get(0), 1234, Instant.now()));
    snapshot = FlagSnapshot.of(flags, 5678, Instant.now()).toJson();
  }

  private static Flag flag(String name, Random random) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("owner", "payments");
    metadata.put("ticket", "PAY-" + random.nextInt(10_000));
    metadata.put("tags", List.of("web", "checkout"));
    metadata.put("limits", Map.of("max", random.nextInt(100), "ratio", random.nextDouble()));
    List<UUID> allowlist = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      allowlist.add(new UUID(random.nextLong(), random.nextLong()));
    }
    return Flag.builder(name)
        .description("What " + name + " turns on, for whom, and until when")
        .enabled(true)
        .rolloutPercentage(random.nextInt(101))
        .userAllowlist(allowlist)
        .metadata(metadata)
        .version(1 + random.nextInt(50))
        .createdAt(Instant.parse("2026-11-01T09:00:00Z"))
        .updatedAt(Instant.parse("2026-11-27T10:15:30.123456Z"))
        .createdBy(new UUID(random.nextLong(), random.nextLong()))
        .build();
  }

  @Benchmark
  public FlagChangeEvent changeEventByContracts() {
    return FlagChangeJson.fromBytes(event);
  }

  @Benchmark
  public FlagChangeEvent changeEventByJackson() {
    return JACKSON.readValue(event, FlagChangeEvent.class);
  }

  @Benchmark
  public FlagSnapshot snapshotOf200FlagsByContracts() {
    return FlagSnapshot.fromJson(snapshot);
  }

  @Benchmark
  public FlagSnapshot snapshotOf200FlagsByJackson() {
    return JACKSON.readValue(snapshot, FlagSnapshot.class);
  }
}
