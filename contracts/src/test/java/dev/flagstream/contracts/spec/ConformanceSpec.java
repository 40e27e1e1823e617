package dev.flagstream.contracts.spec;

import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conformance suite under {@code contracts/spec}, read into plain records that any Java test
 * can run. The file format is documented in {@code contracts/spec/README.md}.
 */
public final class ConformanceSpec {
  public static final String SPEC_VERSION = "1.1.0";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path directory;
  private final JsonNode index;

  private ConformanceSpec(Path directory) {
    this.directory = directory;
    this.index = read(directory.resolve("index.json"));
  }

  /** The suite in {@code directory}, the folder holding {@code index.json}. */
  public static ConformanceSpec load(Path directory) {
    return new ConformanceSpec(directory);
  }

  /**
   * The suite of this repository: the folder named by the system property {@code flagstream.spec},
   * else {@code contracts/spec} found upwards from the working directory.
   */
  public static ConformanceSpec ofRepository() {
    String configured = System.getProperty("flagstream.spec");
    if (configured != null) {
      return load(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("contracts/spec");
      if (Files.isRegularFile(candidate.resolve("index.json"))) {
        return load(candidate);
      }
    }
    throw new IllegalStateException(
        "contracts/spec not found above " + Path.of("").toAbsolutePath());
  }

  public Path directory() {
    return directory;
  }

  public String specVersion() {
    return index.get("specVersion").asString();
  }

  /** The files the index lists, as (path, kind, number of cases). */
  public List<IndexEntry> indexEntries() {
    List<IndexEntry> entries = new ArrayList<>();
    for (JsonNode file : index.get("files")) {
      entries.add(
          new IndexEntry(
              file.get("path").asString(), file.get("kind").asString(), file.get("cases").asInt()));
    }
    return entries;
  }

  /** The parsed content of a file the index lists. */
  public JsonNode file(IndexEntry entry) {
    return read(directory.resolve(entry.path()));
  }

  public List<EvaluationCase> evaluationCases() {
    List<EvaluationCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("evaluation")) {
      JsonNode file = file(entry);
      Map<String, Flag> flags = new LinkedHashMap<>();
      for (JsonNode definition : file.get("flags")) {
        Flag flag = flagOf(definition);
        flags.put(flag.name(), flag);
      }
      for (JsonNode c : file.get("cases")) {
        cases.add(
            new EvaluationCase(
                entry.path() + "#" + c.get("id").asString(),
                c.get("description").asString(),
                flags,
                c.get("flag").asString(),
                textOrNull(c.get("userId")),
                expectedOf(c.get("expected"))));
      }
    }
    return cases;
  }

  public List<BucketCase> bucketCases() {
    List<BucketCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("bucket")) {
      for (JsonNode c : file(entry).get("cases")) {
        cases.add(
            new BucketCase(
                entry.path() + "#" + c.get("id").asString(),
                c.get("flagName").asString(),
                c.get("userId").asString(),
                c.get("bucket").asInt()));
      }
    }
    return cases;
  }

  public List<ChangeStreamCase> changeStreamCases() {
    List<ChangeStreamCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("change-stream")) {
      for (JsonNode c : file(entry).get("cases")) {
        String id = entry.path() + "#" + c.get("id").asString();
        List<StreamStep> steps = new ArrayList<>();
        for (JsonNode step : c.get("records")) {
          steps.add(
              step.has("snapshot")
                  ? snapshotRefreshOf(id, steps.size(), step)
                  : streamRecordOf(steps.size(), step));
        }
        List<ExpectedFlag> expectedFlags = new ArrayList<>();
        for (JsonNode f : c.get("expectedFlags")) {
          Flag flag = flagOf(f);
          expectedFlags.add(
              new ExpectedFlag(
                  flag.name(),
                  f.get("version").asLong(),
                  flag.enabled(),
                  flag.rolloutPercentage(),
                  flag.userAllowlist()));
        }
        List<StreamEvaluation> evaluations = new ArrayList<>();
        for (JsonNode e : c.get("evaluations")) {
          evaluations.add(
              new StreamEvaluation(
                  e.get("flag").asString(),
                  textOrNull(e.get("userId")),
                  expectedOf(e.get("expected"))));
        }
        cases.add(
            new ChangeStreamCase(
                id,
                c.get("description").asString(),
                steps,
                expectedFlags,
                c.get("expectedRevision").asLong(),
                evaluations));
      }
    }
    return cases;
  }

  private static StreamRecord streamRecordOf(int position, JsonNode record) {
    JsonNode value = record.get("value");
    Map<String, String> headers = new LinkedHashMap<>();
    if (record.has("headers")) {
      record
          .get("headers")
          .properties()
          .forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
    }
    return new StreamRecord(
        position,
        record.get("key").asString(),
        value.isNull() ? null : JSON.writeValueAsBytes(value),
        headers);
  }

  private static SnapshotRefresh snapshotRefreshOf(String caseId, int position, JsonNode step) {
    JsonNode snapshot = step.get("snapshot");
    List<Flag> flags = new ArrayList<>();
    for (JsonNode flag : snapshot.get("flags")) {
      flags.add(FlagChangeJson.flagFromJson(JSON.writeValueAsString(flag)));
    }
    int requestedBefore =
        step.has("requestedBeforeRecord") ? step.get("requestedBeforeRecord").asInt() : position;
    if (requestedBefore < 0 || requestedBefore > position) {
      throw new IllegalStateException(
          caseId + ": requestedBeforeRecord must be between 0 and the snapshot's own position");
    }
    return new SnapshotRefresh(
        position,
        requestedBefore,
        FlagSnapshot.of(flags, snapshot.get("revision").asLong(), Instant.EPOCH));
  }

  private List<IndexEntry> entriesOfKind(String kind) {
    return indexEntries().stream().filter(entry -> entry.kind().equals(kind)).toList();
  }

  private static Flag flagOf(JsonNode definition) {
    List<UUID> allowlist = new ArrayList<>();
    definition.get("userAllowlist").forEach(id -> allowlist.add(UUID.fromString(id.asString())));
    return Flag.builder(definition.get("name").asString())
        .enabled(definition.get("enabled").asBoolean())
        .rolloutPercentage(definition.get("rolloutPercentage").asInt())
        .userAllowlist(allowlist)
        .build();
  }

  private static Outcome expectedOf(JsonNode expected) {
    JsonNode bucket = expected.get("bucket");
    return new Outcome(
        expected.get("value").asBoolean(),
        expected.get("reason").asString(),
        bucket.isNull() ? null : bucket.asInt());
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record IndexEntry(String path, String kind, int cases) {}

  /** An evaluation as the suite states it: value, reason name, and bucket or null. */
  public record Outcome(boolean value, String reason, @Nullable Integer bucket) {}

  /** Evaluate {@code flagName} for {@code userId} when the store holds exactly {@code flags}. */
  public record EvaluationCase(
      String id,
      String description,
      Map<String, Flag> flags,
      String flagName,
      @Nullable String userId,
      Outcome expected) {}

  public record BucketCase(String id, String flagName, String userId, int bucket) {}

  /**
   * A step of a change-stream case: something the consumer receives, at {@code position}, the
   * step's index in the case, which serves as the consumer's clock.
   */
  public sealed interface StreamStep permits StreamRecord, SnapshotRefresh {
    int position();
  }

  /** A record of the flag topic; {@code value} is null for a tombstone. */
  public record StreamRecord(
      int position, String key, byte @Nullable [] value, Map<String, String> headers)
      implements StreamStep {}

  /**
   * The answer to a snapshot request, received at {@code position}; the request was made before the
   * step at {@code requestedBefore} was received, so steps from there on arrived after it.
   */
  public record SnapshotRefresh(int position, int requestedBefore, FlagSnapshot snapshot)
      implements StreamStep {}

  public record ExpectedFlag(
      String name,
      long version,
      boolean enabled,
      int rolloutPercentage,
      java.util.Set<UUID> userAllowlist) {}

  public record StreamEvaluation(String flagName, @Nullable String userId, Outcome expected) {}

  public record ChangeStreamCase(
      String id,
      String description,
      List<StreamStep> steps,
      List<ExpectedFlag> expectedFlags,
      long expectedRevision,
      List<StreamEvaluation> evaluations) {}
}
