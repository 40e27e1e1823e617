package dev.flagstream.admin.cdc;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine run of the capturing replica. Before streaming: the publication exists, the slot is
 * this replica's (a walsender of a former leader is ended, an invalidated slot dropped so that a
 * new one starts with a snapshot), and the topic is checked and level with the database. Then the
 * engine streams until asked to stop, the lock is lost or the engine fails.
 */
final class CaptureRun {
  private static final Logger log = LoggerFactory.getLogger(CaptureRun.class);

  private final CdcProperties cdc;
  private final CaptureDatabase database;
  private final ReplicationSlot slot;
  private final FlagTopicStart topic;
  private final ChangePublishing publishing;
  private final CaptureStatus status;

  CaptureRun(
      CdcProperties cdc,
      CaptureDatabase database,
      ReplicationSlot slot,
      FlagTopicStart topic,
      ChangePublishing publishing,
      CaptureStatus status) {
    this.cdc = cdc;
    this.database = database;
    this.slot = slot;
    this.topic = topic;
    this.publishing = publishing;
    this.status = status;
  }

  /**
   * Runs the engine; returns when {@code running} turns false or the lock is lost, throws when a
   * step or the engine failed.
   */
  void run(CaptureLeadership leadership, BooleanSupplier running) throws Exception {
    status.role(CaptureStatus.Role.STARTING);
    database.ensurePublication(cdc.publicationName());
    claimSlot();
    FlagTopicPublisher publisher = topic.open(publishing::deadLetter);
    boolean stopped = false;
    try {
      // A heartbeat now, rather than one interval later: the engine's first batch shows at once
      // that it streams, and consumers learn at once that the pipeline is back.
      database.beat();
      stopped = stream(publisher, leadership, running);
    } finally {
      if (stopped) {
        publisher.close();
      } else {
        // Lost the lock or failed: what was sent and is not on its way yet must not go out now.
        publisher.abandon();
      }
    }
  }

  /** Streams until stopped (true) or the lock is lost (false); throws when the run failed. */
  private boolean stream(
      FlagTopicPublisher publisher, CaptureLeadership leadership, BooleanSupplier running)
      throws Exception {
    InFlightChanges inFlight = new InFlightChanges();
    try (CaptureEngine engine =
        new CaptureEngine(
            CaptureEngine.config(cdc, database),
            publishing.handler(publisher, leadership::isHeldLately, inFlight))) {
      log.atInfo()
          .setMessage("Change capture engine started")
          .addKeyValue("event", "cdc.engine.started")
          .addKeyValue("slot", cdc.slotName())
          .addKeyValue("publication", cdc.publicationName())
          .log();
      while (running.getAsBoolean() && engine.isRunning()) {
        if (!leadership.isHeld()) {
          log.atWarn()
              .setMessage("Lost the capture lock; stopping so that one replica alone publishes")
              .addKeyValue("event", "cdc.leadership.lost")
              .log();
          return false;
        }
        Throwable unacknowledged = inFlight.failure();
        if (unacknowledged != null) {
          // Found here too: with nothing more to hand over, the engine would not learn of it.
          throw new InFlightChanges.UnacknowledgedChangeException(unacknowledged);
        }
        engine.awaitStop(500);
      }
      Throwable failure = engine.failure();
      if (failure != null) {
        if (hasCause(failure, ChangePublishing.LeadershipLostException.class)) {
          log.atWarn()
              .setMessage("Lost the capture lock while publishing; the batch is left to the leader")
              .addKeyValue("event", "cdc.leadership.lost")
              .log();
          return false;
        }
        throw new IllegalStateException("the capture engine stopped", failure);
      }
      return true;
    } finally {
      log.atInfo()
          .setMessage("Change capture engine stopped")
          .addKeyValue("event", "cdc.engine.stopped")
          .log();
    }
  }

  private void claimSlot() throws SQLException {
    ReplicationSlot.State state = slot.state();
    if (state.isLost()) {
      slot.drop();
      log.atWarn()
          .setMessage(
              "Dropped the invalidated replication slot; a new one starts with a snapshot, and"
                  + " flags deleted meanwhile are deleted on the topic")
          .addKeyValue("event", "cdc.slot.recreated")
          .addKeyValue("slot", slot.name())
          .log();
    } else if (state.isActive()) {
      Integer ended = slot.takeOver();
      log.atWarn()
          .setMessage("Ended a former leader's stream from the replication slot")
          .addKeyValue("event", "cdc.slot.taken.over")
          .addKeyValue("slot", slot.name())
          .addKeyValue("pid", ended)
          .log();
    }
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
