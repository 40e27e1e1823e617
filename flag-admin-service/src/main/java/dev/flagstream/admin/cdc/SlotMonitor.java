package dev.flagstream.admin.cdc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Measures the replication slot on a schedule, on every replica, whether or not it captures and
 * whether or not its engine can start: the slot holds write-ahead log back exactly when capture is
 * not moving, so that is when its lag must stay visible. Each measurement uses a short-lived
 * connection of its own, which a stuck engine or a held lock cannot block.
 */
final class SlotMonitor implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SlotMonitor.class);

  private final ReplicationSlot slot;
  private final CaptureStatus status;
  private final Duration interval;
  private @Nullable ScheduledExecutorService scheduler;
  private volatile boolean running;
  private boolean reportedLost;
  private boolean reportedUnreachable;

  SlotMonitor(ReplicationSlot slot, CaptureStatus status, Duration interval) {
    this.slot = slot;
    this.status = status;
    this.interval = interval;
  }

  @Override
  public void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flagstream-cdc-slot-monitor");
              thread.setDaemon(true);
              return thread;
            });
    started.scheduleWithFixedDelay(
        this::measure, 0, Math.max(100, interval.toMillis()), TimeUnit.MILLISECONDS);
    scheduler = started;
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService started = scheduler;
    if (started == null) {
      return;
    }
    started.shutdownNow();
    try {
      started.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts with the capture, stops with it, before the database goes. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  void measure() {
    ReplicationSlot.State state;
    try {
      state = slot.state();
      reportedUnreachable = false;
    } catch (Exception e) {
      if (!reportedUnreachable) {
        reportedUnreachable = true;
        log.atWarn()
            .setMessage("Could not measure the replication slot")
            .addKeyValue("event", "cdc.slot.unmeasured")
            .addKeyValue("slot", slot.name())
            .addKeyValue("error", e.toString())
            .log();
      }
      return; // the last measurement stands, with its time
    }
    status.slot(state);
    if (state.isLost() && !reportedLost) {
      log.atError()
          .setMessage(
              "The replication slot was invalidated: it fell further behind than"
                  + " max_slot_wal_keep_size allows. The capturing replica drops it and starts a"
                  + " new one with a fresh snapshot")
          .addKeyValue("event", "cdc.slot.invalidated")
          .addKeyValue("slot", slot.name())
          .log();
    }
    reportedLost = state.isLost();
  }
}
