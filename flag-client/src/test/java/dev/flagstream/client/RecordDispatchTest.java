package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.RecordDispatch.Outcome;
import dev.flagstream.client.fixtures.CapturedLog;
import dev.flagstream.client.fixtures.Received;
import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordDispatchTest {
  private final FlagStore store = new FlagStore(System::nanoTime);
  private final List<FlagChanged> changes = new CopyOnWriteArrayList<>();
  private final List<CaptureHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
  private final RecordDispatch dispatch = new RecordDispatch(store, changes::add, heartbeats::add);

  private long offset;

  private Outcome dispatch(
      @Nullable String key, byte @Nullable [] value, Map<String, String> headers) {
    return dispatch.dispatch(Received.record(offset++, key, value, headers));
  }

  private static byte[] upsert(String name, long version, long revision) {
    return FlagChangeJson.toBytes(
        FlagChangeEvent.upsert(
            Flag.builder(name).enabled(true).version(version).build(), revision, Instant.EPOCH));
  }

  @Test
  void changesTombstonesAndHeartbeats_reachTheStoreAndTheListeners() {
    assertThat(dispatch("a", upsert("a", 2, 3), Map.of())).isEqualTo(Outcome.CHANGE);
    assertThat(changes).extracting(FlagChanged::name).containsExactly("a");
    CaptureHeartbeat beat = CaptureHeartbeat.of(8, Instant.EPOCH, Duration.ofSeconds(10));
    assertThat(dispatch(FlagTopic.HEARTBEAT_KEY, FlagChangeJson.heartbeatToBytes(beat), Map.of()))
        .isEqualTo(Outcome.HEARTBEAT);
    assertThat(heartbeats).containsExactly(beat);
    assertThat(store.revision()).isEqualTo(8);
    assertThat(dispatch("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "2")))
        .isEqualTo(Outcome.CHANGE);
    assertThat(store.get("a")).isNull();
    assertThat(dispatch("a", upsert("a", 2, 3), Map.of())).as("fenced").isEqualTo(Outcome.CHANGE);
    assertThat(store.get("a")).isNull();
    assertThat(changes).hasSize(2);
    assertThat(dispatch.skipped()).isZero();
  }

  /** H5: a malformed tombstone header stopped the reader for good, on every restart. */
  @Test
  void unreadableRecords_areSkippedAndCounted() {
    store.apply(FlagChangeEvent.upsert(Flag.builder("a").version(1).build(), 1, Instant.EPOCH));
    assertThat(dispatch("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "abc")))
        .isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "x".repeat(100))))
        .isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch("b", upsert("a", 2, 2), Map.of())).isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch("a", "{".getBytes(StandardCharsets.UTF_8), Map.of()))
        .isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch(null, upsert("a", 2, 2), Map.of())).isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch(FlagTopic.HEARTBEAT_KEY, null, Map.of())).isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch(FlagTopic.HEARTBEAT_KEY, upsert("a", 2, 2), Map.of()))
        .isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch.skipped()).isEqualTo(7);
    assertThat(store.get("a").flag().version()).isEqualTo(1);
    assertThat(store.revision()).isEqualTo(1);
    assertThat(changes).isEmpty();
  }

  @Test
  void aTombstoneWithoutAVersion_deletesTheHeldFlag_andTellsTheListeners() {
    dispatch("a", upsert("a", 2, 3), Map.of());
    assertThat(dispatch("a", null, Map.of())).isEqualTo(Outcome.CHANGE);
    assertThat(store.get("a")).isNull();
    assertThat(changes).hasSize(2);
    assertThat(changes.get(1).previous()).isNotNull();
    assertThat(changes.get(1).current()).isNull();
  }

  @Test
  void aTombstoneWithoutAKey_isSkipped() {
    assertThat(dispatch(null, null, Map.of())).isEqualTo(Outcome.SKIPPED);
    assertThat(dispatch.skipped()).isEqualTo(1);
  }

  @Test
  void theWarningOfASkippedRecord_namesWhereItIs_andCutsALongHeaderShort() {
    String thirtyTwo = "v".repeat(32);
    try (CapturedLog log = CapturedLog.capture()) {
      offset = 41;
      dispatch("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, thirtyTwo));
      dispatch("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, thirtyTwo + "TAIL"));
      assertThat(log.linesWith("Skipping a record"))
          .satisfiesExactly(
              line ->
                  assertThat(line)
                      .contains(Received.TOPIC + "-0@41")
                      .contains("not a version: " + thirtyTwo)
                      .doesNotContain(thirtyTwo + "..."),
              line ->
                  assertThat(line)
                      .contains(Received.TOPIC + "-0@42")
                      .contains("not a version: " + thirtyTwo + "...")
                      .doesNotContain("TAIL"));
    }
  }
}
