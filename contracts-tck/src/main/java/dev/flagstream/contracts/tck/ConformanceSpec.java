package dev.flagstream.contracts.tck;

import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.internal.JsonReader;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The conformance suite of {@code contracts/spec}, as packaged with this kit on the class path,
 * read into plain records that any Java test can run. The file format is documented in {@code
 * contracts/spec/README.md}. Thread-safe; every call reads the files again.
 */
public final class ConformanceSpec {
  /** The version of the suite this kit reads. */
  public static final String SPEC_VERSION = "1.2.0";

  /** Where the suite's files are on the class path: {@code index.json} and the files it lists. */
  public static final String RESOURCE_ROOT = "dev/flagstream/contracts/spec/";

  private final SpecJson index;

  private ConformanceSpec() {
    this.index = read("index.json");
  }

  /**
   * The suite packaged with this kit.
   *
   * @throws IllegalStateException when its files are not on the class path
   */
  public static ConformanceSpec load() {
    return new ConformanceSpec();
  }

  /** The version of the suite found, as its index states it; {@link #SPEC_VERSION} when current. */
  public String specVersion() {
    return index.get("specVersion").asString();
  }

  /** The files the index lists, as (path, kind, number of cases). */
  public List<IndexEntry> indexEntries() {
    List<IndexEntry> entries = new ArrayList<>();
    for (SpecJson file : index.get("files").elements()) {
      entries.add(
          new IndexEntry(
              file.get("path").asString(), file.get("kind").asString(), file.get("cases").asInt()));
    }
    return entries;
  }

  /**
   * The parsed content of a file the index lists, as plain Java: its objects are maps, its arrays
   * lists (see {@link JsonReader#readValue()}).
   */
  public Map<?, ?> file(IndexEntry entry) {
    return read(entry.path()).members();
  }

  /** Every case of the files of kind {@code evaluation}, in the order of the index and files. */
  public List<EvaluationCase> evaluationCases() {
    List<EvaluationCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("evaluation")) {
      SpecJson file = read(entry.path());
      Map<String, Flag> flags = new LinkedHashMap<>();
      for (SpecJson definition : file.get("flags").elements()) {
        Flag flag = flagOf(definition);
        flags.put(flag.name(), flag);
      }
      for (SpecJson c : file.get("cases").elements()) {
        cases.add(
            new EvaluationCase(
                entry.path() + "#" + c.get("id").asString(),
                c.get("description").asString(),
                flags,
                c.get("flag").asString(),
                textOrNull(c, "userId"),
                expectedOf(c.get("expected"))));
      }
    }
    return cases;
  }

  /** Every case of the files of kind {@code bucket}, in the order of the index and files. */
  public List<BucketCase> bucketCases() {
    List<BucketCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("bucket")) {
      for (SpecJson c : read(entry.path()).get("cases").elements()) {
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

  /** Every case of the files of kind {@code change-stream}, in the order of the index and files. */
  public List<ChangeStreamCase> changeStreamCases() {
    List<ChangeStreamCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("change-stream")) {
      for (SpecJson c : read(entry.path()).get("cases").elements()) {
        String id = entry.path() + "#" + c.get("id").asString();
        List<StreamStep> steps = new ArrayList<>();
        for (SpecJson step : c.get("records").elements()) {
          steps.add(
              step.has("snapshot")
                  ? snapshotRefreshOf(id, steps.size(), step)
                  : streamRecordOf(steps.size(), step));
        }
        List<ExpectedFlag> expectedFlags = new ArrayList<>();
        for (SpecJson f : c.get("expectedFlags").elements()) {
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
        for (SpecJson e : c.get("evaluations").elements()) {
          evaluations.add(
              new StreamEvaluation(
                  e.get("flag").asString(),
                  textOrNull(e, "userId"),
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

  /**
   * Every case of the files of kind {@code value-stream}, in the order of the index and files: what
   * a consumer of one user's values (a browser SDK) receives, and what it then holds.
   */
  public List<ValueStreamCase> valueStreamCases() {
    List<ValueStreamCase> cases = new ArrayList<>();
    for (IndexEntry entry : entriesOfKind("value-stream")) {
      for (SpecJson c : read(entry.path()).get("cases").elements()) {
        List<ValueStreamStep> steps = new ArrayList<>();
        for (SpecJson step : c.get("steps").elements()) {
          steps.add(valueStreamStepOf(step));
        }
        Map<String, Boolean> expectedValues = new LinkedHashMap<>();
        c.get("expectedValues")
            .members()
            .forEach(
                (name, value) ->
                    expectedValues.put((String) name, new SpecJson(value).asBoolean()));
        List<Set<String>> expectedChanged = new ArrayList<>();
        for (SpecJson names : c.get("expectedChanged").elements()) {
          Set<String> changed = new LinkedHashSet<>();
          names.elements().forEach(name -> changed.add(name.asString()));
          expectedChanged.add(changed);
        }
        cases.add(
            new ValueStreamCase(
                entry.path() + "#" + c.get("id").asString(),
                c.get("description").asString(),
                steps,
                expectedValues,
                c.get("expectedRevision").asLong(),
                expectedChanged));
      }
    }
    return cases;
  }

  private static ValueStreamStep valueStreamStepOf(SpecJson step) {
    if (step.has("resume")) {
      return new Resume(textOrNull(step.get("resume"), "expectedLastEventId"));
    }
    if (step.has("answer")) {
      return new Answer(step.get("answer").toJson());
    }
    String data = step.has("rawData") ? step.get("rawData").asString() : step.get("data").toJson();
    return new ServerSentEvent(step.get("event").asString(), step.get("id").asString(), data);
  }

  private static StreamRecord streamRecordOf(int position, SpecJson record) {
    SpecJson value = record.get("value");
    Map<String, String> headers = new LinkedHashMap<>();
    if (record.has("headers")) {
      record
          .get("headers")
          .members()
          .forEach((name, header) -> headers.put((String) name, new SpecJson(header).asString()));
    }
    return new StreamRecord(
        position,
        record.get("key").asString(),
        value.isNull() ? null : value.toJson().getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private static SnapshotRefresh snapshotRefreshOf(String caseId, int position, SpecJson step) {
    SpecJson snapshot = step.get("snapshot");
    List<Flag> flags = new ArrayList<>();
    for (SpecJson flag : snapshot.get("flags").elements()) {
      flags.add(FlagChangeJson.flagFromJson(flag.toJson()));
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

  private static Flag flagOf(SpecJson definition) {
    List<UUID> allowlist = new ArrayList<>();
    definition
        .get("userAllowlist")
        .elements()
        .forEach(id -> allowlist.add(UUID.fromString(id.asString())));
    return Flag.builder(definition.get("name").asString())
        .enabled(definition.get("enabled").asBoolean())
        .rolloutPercentage(definition.get("rolloutPercentage").asInt())
        .userAllowlist(allowlist)
        .build();
  }

  private static Outcome expectedOf(SpecJson expected) {
    SpecJson bucket = expected.get("bucket");
    return new Outcome(
        expected.get("value").asBoolean(),
        expected.get("reason").asString(),
        bucket.isNull() ? null : bucket.asInt());
  }

  /** The text of {@code member}, or null when it is null or absent. */
  private static @Nullable String textOrNull(SpecJson object, String member) {
    return !object.has(member) || object.get(member).isNull()
        ? null
        : object.get(member).asString();
  }

  private static SpecJson read(String path) {
    try (InputStream in =
        ConformanceSpec.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE_ROOT + path + " is not on the class path");
      }
      return new SpecJson(JsonReader.parse(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file the index lists.
   *
   * @param path relative to the suite's root, e.g. {@code evaluation/001-steps-and-reasons.json}
   * @param kind {@code evaluation}, {@code bucket}, {@code change-stream} or {@code value-stream}
   * @param cases how many cases the file holds
   */
  public record IndexEntry(String path, String kind, int cases) {}

  /** An evaluation as the suite states it: value, reason name, and bucket or null. */
  public record Outcome(boolean value, String reason, @Nullable Integer bucket) {
    /** The outcome of an evaluation by the contracts' algorithm. */
    public static Outcome of(Evaluation evaluation) {
      return new Outcome(
          evaluation.value(),
          evaluation.reason().name(),
          evaluation.hasBucket() ? evaluation.bucket() : null);
    }
  }

  /** Evaluate {@code flagName} for {@code userId} when the store holds exactly {@code flags}. */
  public record EvaluationCase(
      String id,
      String description,
      Map<String, Flag> flags,
      String flagName,
      @Nullable String userId,
      Outcome expected) {}

  /** The bucket, 0 to 99, of {@code userId} in the flag named {@code flagName}. */
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

  /** The fields of a held flag that a change-stream case states. */
  public record ExpectedFlag(
      String name, long version, boolean enabled, int rolloutPercentage, Set<UUID> userAllowlist) {
    /** What a case would state of {@code flag}. */
    public static ExpectedFlag of(Flag flag) {
      return new ExpectedFlag(
          flag.name(),
          flag.version(),
          flag.enabled(),
          flag.rolloutPercentage(),
          flag.userAllowlist());
    }
  }

  /** After a change-stream case's steps, {@code flagName} evaluates for {@code userId} so. */
  public record StreamEvaluation(String flagName, @Nullable String userId, Outcome expected) {}

  /**
   * Feed {@code steps} in order to a new consumer; it then holds exactly {@code expectedFlags},
   * reports {@code expectedRevision} and evaluates as {@code evaluations} say.
   *
   * @param id the file's path and the case's id, {@code <path>#<id>}
   */
  public record ChangeStreamCase(
      String id,
      String description,
      List<StreamStep> steps,
      List<ExpectedFlag> expectedFlags,
      long expectedRevision,
      List<StreamEvaluation> evaluations) {}

  /** A step of a value-stream case: something the consumer of one user's values receives. */
  public sealed interface ValueStreamStep permits ServerSentEvent, Answer, Resume {}

  /**
   * An event of the evaluator's stream, as it travels.
   *
   * @param event the event's name ({@code snapshot}, {@code flag}, or one the consumer ignores)
   * @param id the event's id
   * @param data the exact text of the event's data
   */
  public record ServerSentEvent(String event, String id, String data) implements ValueStreamStep {}

  /** An answer of {@code POST /api/evaluations} for the user, as its JSON body. */
  public record Answer(String body) implements ValueStreamStep {}

  /**
   * The stream drops here; the consumer reconnects with {@code expectedLastEventId} (null: none),
   * and the steps after it come from the new stream.
   */
  public record Resume(@Nullable String expectedLastEventId) implements ValueStreamStep {}

  /**
   * Feed {@code steps} in order to a new consumer that holds no value; it then holds exactly {@code
   * expectedValues}, reports {@code expectedRevision}, and told its listeners, at each step, that
   * the values of {@code expectedChanged}'s entry for that step changed.
   *
   * @param id the file's path and the case's id, {@code <path>#<id>}
   */
  public record ValueStreamCase(
      String id,
      String description,
      List<ValueStreamStep> steps,
      Map<String, Boolean> expectedValues,
      long expectedRevision,
      List<Set<String>> expectedChanged) {}
}
