package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.RecordDispatch.Outcome;
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
}
