package dev.flagstream.admin.cdc;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Supervises change data capture on this replica: waits to become the capturing replica, then
 * starts {@link CaptureRun}s; restarts a failing run with growing pauses (Kafka or PostgreSQL
 * away), gives capture up at once when another replica may have taken over, and gives the lock up
 * itself after {@code flags.cdc.failures-before-handover} failures in a row, so that a healthy
 * replica can take over when the fault is this one's. Each run resumes from the last offset Kafka
 * acknowledged, so changes may be published twice but never lost.
 *
 * <p>Stops before the connection pool closes, and before PostgreSQL in tests and the local run,
 * within {@link #STOP_TIMEOUT}, under the usual 30 s grace period of an orchestrator.
 */
final class ChangeCapture implements SmartLifecycle {
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);
  private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);

  private final CdcProperties cdc;
  private final CaptureDatabase database;
  private final CaptureRun run;
  private final CaptureStatus status;
  private final CaptureMetrics metrics;
  private final Object signal = new Object();
  private volatile boolean running;
  private @Nullable Thread supervisor;

  ChangeCapture(
      CdcProperties cdc,
      CaptureDatabase database,
      CaptureRun run,
      CaptureStatus status,
      CaptureMetrics metrics) {
    this.cdc = cdc;
    this.database = database;
    this.run = run;
    this.status = status;
    this.metrics = metrics;
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::supervise, "flagstream-cdc-supervisor");
    thread.setDaemon(true);
    thread.start();
    supervisor = thread;
  }

  @Override
  public void stop() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    Thread thread = supervisor;
    if (thread == null) {
      return;
    }
    try {
      thread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Late in start-up, early in shutdown: capture stops before anything it uses. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private void supervise() {
    Duration backoff = Duration.ofSeconds(1);
    int failuresInARow = 0;
    String lockName = "flagstream-cdc:" + cdc.slotName();
    try (CaptureLeadership leadership =
        new CaptureLeadership(database, lockName, cdc.lockTimeout())) {
      while (running) {
        if (!leadership.tryAcquire()) {
          status.role(CaptureStatus.Role.STANDBY);
          pause(cdc.leaderRetryInterval());
          continue;
        }
        log.atInfo()
            .setMessage("This replica now captures flag changes")
            .addKeyValue("event", "cdc.takeover")
            .addKeyValue("slot", cdc.slotName())
            .log();
        long progressBefore = status.progress();
        try {
          run.run(leadership, () -> running);
          backoff = Duration.ofSeconds(1);
          failuresInARow = 0;
        } catch (Exception e) {
          // A run that published before failing starts the count afresh.
          failuresInARow = status.progress() > progressBefore ? 1 : failuresInARow + 1;
          metrics.failed();
          status.failed(reason(e));
          log.atWarn()
              .setMessage("Change capture failed; restarting it from the last acknowledged change")
              .addKeyValue("event", "cdc.failure")
              .addKeyValue("failuresInARow", failuresInARow)
              .addKeyValue("retryIn", backoff)
              .setCause(e)
              .log();
          if (failuresInARow >= cdc.failuresBeforeHandover()) {
            handOver(leadership, failuresInARow);
            failuresInARow = 0;
            backoff = Duration.ofSeconds(1);
            continue;
          }
          pause(backoff);
          backoff =
              backoff.multipliedBy(2).compareTo(cdc.maxRestartBackoff()) > 0
                  ? cdc.maxRestartBackoff()
                  : backoff.multipliedBy(2);
        }
      }
    }
    status.role(CaptureStatus.Role.STANDBY);
  }

  private void handOver(CaptureLeadership leadership, int failures) {
    leadership.release();
    status.handedOver();
    metrics.handedOver();
    log.atWarn()
        .setMessage(
            "Gave the capture lock up after failing in a row, so that another replica can take"
                + " over; trying again after the pause")
        .addKeyValue("event", "cdc.leadership.released")
        .addKeyValue("failuresInARow", failures)
        .addKeyValue("pause", cdc.handoverPause())
        .log();
    pause(cdc.handoverPause());
  }

  /** What went wrong, in words safe to show on the health endpoint: no hosts, no stack. */
  private static String reason(Exception e) {
    if (e instanceof FlagTopicStart.CaptureRefusedException refused) {
      return refused.reason();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
  }

  private void pause(Duration duration) {
    synchronized (signal) {
      if (running) {
        try {
          signal.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }
}
