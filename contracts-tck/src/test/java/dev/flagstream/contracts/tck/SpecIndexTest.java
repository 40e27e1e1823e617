package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.contracts.tck.ConformanceSpec.Answer;
import dev.flagstream.contracts.tck.ConformanceSpec.EvaluationCase;
import dev.flagstream.contracts.tck.ConformanceSpec.IndexEntry;
import dev.flagstream.contracts.tck.ConformanceSpec.Resume;
import dev.flagstream.contracts.tck.ConformanceSpec.ServerSentEvent;
import dev.flagstream.contracts.tck.ConformanceSpec.SnapshotRefresh;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import dev.flagstream.contracts.tck.ConformanceSpec.ValueStreamCase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite, as packaged on the class path from {@code contracts/spec}, is complete and consistent:
 * what the index lists is exactly what is there.
 */
class SpecIndexTest {
  private final ConformanceSpec spec = ConformanceSpec.load();

  @Test
  void index_listsExactlyTheFilesPresent() throws IOException, URISyntaxException {
    // The kit's own build puts the suite in a folder of its class path, which can be listed.
    Path root =
        Path.of(
            ConformanceSpec.class
                .getClassLoader()
                .getResource(ConformanceSpec.RESOURCE_ROOT)
                .toURI());
    Set<String> present;
    try (Stream<Path> files = Files.walk(root)) {
      present =
          files
              .filter(file -> file.toString().endsWith(".json"))
              .map(file -> root.relativize(file).toString().replace('\\', '/'))
              .filter(path -> !path.equals("index.json"))
              .collect(Collectors.toSet());
    }
    Set<String> listed =
        spec.indexEntries().stream().map(IndexEntry::path).collect(Collectors.toSet());
    assertThat(listed).isEqualTo(present);
  }

  @Test
  void everyFile_hasTheSpecVersion_theListedKind_andTheListedNumberOfCases() {
    assertThat(spec.specVersion()).isEqualTo(ConformanceSpec.SPEC_VERSION);
    for (IndexEntry entry : spec.indexEntries()) {
      Map<?, ?> file = spec.file(entry);
      assertThat(file.get("specVersion")).as(entry.path()).isEqualTo(spec.specVersion());
      assertThat(file.get("kind")).as(entry.path()).isEqualTo(entry.kind());
      assertThat((List<?>) file.get("cases")).as(entry.path()).hasSize(entry.cases());
      assertThat(entry.path()).startsWith(entry.kind() + "/");
    }
  }

  @Test
  void caseIds_areUnique() {
    List<String> ids =
        Stream.of(
                spec.evaluationCases().stream().map(EvaluationCase::id),
                spec.bucketCases().stream().map(ConformanceSpec.BucketCase::id),
                spec.changeStreamCases().stream().map(ConformanceSpec.ChangeStreamCase::id),
                spec.valueStreamCases().stream().map(ValueStreamCase::id))
            .flatMap(s -> s)
            .toList();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void evaluationCases_coverEveryReasonAndTheKeyRollouts() {
    List<EvaluationCase> cases = spec.evaluationCases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(cases.stream().map(c -> c.expected().reason()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Reason.values()).map(Reason::name).toList());
    Set<Integer> rollouts =
        cases.stream()
            .map(c -> c.flags().get(c.flagName()))
            .filter(Objects::nonNull)
            .map(flag -> flag.rolloutPercentage())
            .collect(Collectors.toSet());
    assertThat(rollouts).contains(0, 1, 50, 99, 100);
  }

  @Test
  void evaluationCases_includeBothSidesOfEveryRolloutBoundary() {
    for (int rollout = 1; rollout < 100; rollout++) {
      int r = rollout;
      List<EvaluationCase> atRollout =
          spec.evaluationCases().stream()
              .filter(c -> c.flags().containsKey(c.flagName()))
              .filter(c -> c.flags().get(c.flagName()).rolloutPercentage() == r)
              .toList();
      assertThat(atRollout)
          .as("rollout %d", r)
          .anyMatch(
              c -> Integer.valueOf(r - 1).equals(c.expected().bucket()) && c.expected().value())
          .anyMatch(c -> Integer.valueOf(r).equals(c.expected().bucket()) && !c.expected().value());
    }
  }

  @Test
  void evaluationCases_includeUnicodeEmptyAndVeryLongIds_andAllowlistedButDisabled() {
    List<EvaluationCase> cases = spec.evaluationCases();
    assertThat(cases).anyMatch(c -> "".equals(c.userId()));
    assertThat(cases).anyMatch(c -> c.userId() == null);
    assertThat(cases).anyMatch(c -> c.userId() != null && c.userId().length() >= 10_000);
    assertThat(cases)
        .anyMatch(c -> c.userId() != null && c.userId().codePoints().anyMatch(cp -> cp > 0xffff));
    assertThat(cases)
        .anyMatch(
            c -> {
              var flag = c.flags().get(c.flagName());
              return flag != null
                  && !flag.enabled()
                  && c.userId() != null
                  && flag.isAllowlisted(c.userId());
            });
  }

  @Test
  void changeStreamCases_coverSnapshotsHeartbeatsAndUnreadableRecords() {
    List<ConformanceSpec.ChangeStreamCase> cases = spec.changeStreamCases();
    assertThat(cases).anyMatch(c -> c.steps().stream().anyMatch(s -> s instanceof SnapshotRefresh));
    assertThat(cases)
        .anyMatch(
            c ->
                c.steps().stream()
                    .anyMatch(
                        s ->
                            s instanceof SnapshotRefresh r
                                && r.requestedBefore() < r.position()
                                && r.snapshot().revision() == FlagSnapshot.UNKNOWN_REVISION));
    assertThat(cases)
        .anyMatch(
            c ->
                c.steps().stream()
                    .anyMatch(
                        s ->
                            s instanceof StreamRecord r
                                && r.key().equals(FlagTopic.HEARTBEAT_KEY)));
    assertThat(cases)
        .anyMatch(
            c ->
                c.steps().stream()
                    .anyMatch(
                        s ->
                            s instanceof StreamRecord r
                                && "abc"
                                    .equals(r.headers().get(FlagTopic.TOMBSTONE_VERSION_HEADER))));
  }

  @Test
  void valueStreamCases_sayWhatChangedAtEveryStep_andCoverResumesAnswersAndUnreadableEvents() {
    List<ValueStreamCase> cases = spec.valueStreamCases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    assertThat(cases).allSatisfy(c -> assertThat(c.expectedChanged()).hasSameSizeAs(c.steps()));
    assertThat(cases).anyMatch(c -> c.steps().stream().anyMatch(s -> s instanceof Resume));
    assertThat(cases)
        .anyMatch(
            c ->
                c.steps().stream()
                    .anyMatch(s -> s instanceof Resume r && r.expectedLastEventId() == null));
    assertThat(cases).anyMatch(c -> c.steps().stream().anyMatch(s -> s instanceof Answer));
    assertThat(cases)
        .anyMatch(
            c ->
                c.steps().stream()
                    .anyMatch(s -> s instanceof ServerSentEvent e && !e.data().startsWith("{")));
    assertThat(cases)
        .as("a duplicate: the same event twice in a row")
        .anyMatch(
            c -> {
              for (int i = 1; i < c.steps().size(); i++) {
                if (c.steps().get(i) instanceof ServerSentEvent e
                    && e.event().equals("flag")
                    && e.equals(c.steps().get(i - 1))) {
                  return true;
                }
              }
              return false;
            });
  }
}
