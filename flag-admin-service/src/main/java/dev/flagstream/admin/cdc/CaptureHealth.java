package dev.flagstream.admin.cdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How capture fares, as every replica sees it; the one judgement behind the {@code cdc} health
 * component and the {@code flagstream.cdc.health} gauge. Pure.
 *
 * <ul>
 *   <li>DOWN: this replica's capture failed (or gave the lock up after failing) and has not
 *       streamed since, it captures but nothing, not even a heartbeat, has arrived for too long,
 *       the replication slot was invalidated, or the slot exists and no replica has streamed from
 *       it for too long;
 *   <li>DEGRADED: changes flow, but the topic's settings make them less safe than configured, or
 *       the slot is about to lose write-ahead log it needs ({@code wal_status = unreserved});
 *   <li>UP otherwise: capturing, or standing by while another replica captures.
 * </ul>
 */
final class CaptureHealth {
  enum Level {
    UP,
    DEGRADED,
    DOWN
  }

  /** A judgement and the reasons for it, in words safe to show. */
  record Assessment(Level level, List<String> reasons) {
    Assessment {
      reasons = List.copyOf(reasons);
    }
  }

  private CaptureHealth() {}

  /**
   * @param silenceLimit how long capture may hand over nothing before it counts as stuck
   */
  static Assessment assess(CaptureStatus status, Duration silenceLimit) {
    List<String> down = new ArrayList<>();
    List<String> degraded = new ArrayList<>();
    String failure = status.failure();
    switch (status.role()) {
      case FAILING -> down.add("capture is failing: " + failure);
      case HANDED_OVER -> down.add("gave the capture lock up after failing in a row: " + failure);
      case STARTING, CAPTURING -> {
        if (failure != null) {
          down.add("capture is failing, retrying: " + failure);
        } else if (status.isStuck(silenceLimit)) {
          down.add("nothing, not even a heartbeat, was captured for over " + silenceLimit);
        }
        status.topicWeaknesses().forEach(degraded::add);
      }
      case STANDBY -> {
        // another replica captures; the slot says whether one does
      }
    }
    ReplicationSlot.State slot = status.slot();
    if (slot.isLost()) {
      down.add("the replication slot was invalidated (wal_status lost): changes were lost to it");
    } else if ("unreserved".equals(slot.walStatus())) {
      degraded.add("the replication slot is about to lose log it needs (wal_status unreserved)");
    }
    if (status.isSlotAbandoned(silenceLimit)) {
      down.add("no replica has streamed from the replication slot for over " + silenceLimit);
    }
    if (!down.isEmpty()) {
      down.addAll(degraded);
      return new Assessment(Level.DOWN, down);
    }
    return new Assessment(degraded.isEmpty() ? Level.UP : Level.DEGRADED, degraded);
  }
}
