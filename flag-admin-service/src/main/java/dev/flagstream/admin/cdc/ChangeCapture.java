package dev.flagstream.admin.cdc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Supervises change data capture on this replica: waits to become the capturing replica, then runs
 * the Debezium engine and publishes every change; restarts the engine with growing pauses when it
 * fails (Kafka or PostgreSQL away), and gives capture up at once when another replica may have
 * taken over. Each restart resumes from the last offset Kafka acknowledged, so changes may be
 * published twice but never lost.
 *
 * <p>Stops before the connection pool closes, and before PostgreSQL in tests and the local run.
 */
final class ChangeCapture implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);

  private final CdcProperties cdc;
  private final KafkaProperties kafka;
  private final Admin admin;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final CaptureStatus status;
  private final Counter published;
  private final Counter failures;
  private final Timer lag;
  private final Clock clock;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread supervisor;

  ChangeCapture(
      CdcProperties cdc,
      KafkaProperties kafka,
      Admin admin,
      String jdbcUrl,
      String user,
      String password,
      CaptureStatus status,
      MeterRegistry meters,
      Clock clock) {
    this.cdc = cdc;
    this.kafka = kafka;
    this.admin = admin;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.status = status;
    this.clock = clock;
    this.published =
        Counter.builder("flagstream.cdc.records.published")
            .description("Flag topic records acknowledged by Kafka")
            .register(meters);
    this.failures =
        Counter.builder("flagstream.cdc.failures")
            .description("Capture engine runs that ended in a failure")
            .register(meters);
    this.lag =
        Timer.builder("flagstream.cdc.commit.to.publish")
            .description("From a change's commit in PostgreSQL to Kafka's acknowledgement")
            .publishPercentileHistogram()
            .register(meters);
    meters.gauge("flagstream.cdc.slot.lag.bytes", status, CaptureStatus::slotLagBytes);
    meters.gauge(
        "flagstream.cdc.capturing", status, s -> s.role() == CaptureStatus.Role.CAPTURING ? 1 : 0);
  }

  @Override
  public void start() {
    running = true;
    supervisor = new Thread(this::supervise, "flagstream-cdc-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  @Override
  public void stop() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      supervisor.join(Duration.ofSeconds(45).toMillis());
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
    String lockName = "flagstream-cdc:" + cdc.slotName();
    try (CaptureLeadership leadership = new CaptureLeadership(jdbcUrl, user, password, lockName)) {
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
        try {
          capture(leadership);
          backoff = Duration.ofSeconds(1);
        } catch (Exception e) {
          failures.increment();
          status.failed(e);
          log.atWarn()
              .setMessage("Change capture failed; restarting it from the last acknowledged change")
              .addKeyValue("event", "cdc.failure")
              .addKeyValue("retryIn", backoff)
              .setCause(e)
              .log();
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

  /** One engine run; returns when asked to stop or leadership is gone, throws when it failed. */
  private void capture(CaptureLeadership leadership) throws Exception {
    ensurePublication();
    FlagTopicSetup.ensure(admin, kafka, Duration.ofSeconds(10));
    Properties config =
        CaptureEngine.config(cdc, DatabaseAddress.of(jdbcUrl), jdbcUrl, user, password);
    try (FlagTopicPublisher publisher = new FlagTopicPublisher(kafka, cdc.publishTimeout());
        CaptureEngine engine = new CaptureEngine(config, records -> publish(publisher, records))) {
      status.role(CaptureStatus.Role.CAPTURING);
      log.atInfo()
          .setMessage("Change capture engine started")
          .addKeyValue("event", "cdc.engine.started")
          .addKeyValue("slot", cdc.slotName())
          .addKeyValue("publication", cdc.publicationName())
          .addKeyValue("topic", kafka.topic())
          .log();
      long nextLagCheck = 0;
      while (running && engine.isRunning()) {
        if (!leadership.isHeld()) {
          log.atWarn()
              .setMessage("Lost the capture lock; stopping so that one replica alone publishes")
              .addKeyValue("event", "cdc.leadership.lost")
              .log();
          return;
        }
        if (System.nanoTime() > nextLagCheck) {
          status.slotLagBytes(slotLag());
          nextLagCheck = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        }
        engine.awaitStop(500);
      }
      if (engine.failure() != null) {
        throw new IllegalStateException("the capture engine stopped", engine.failure());
      }
    } finally {
      log.atInfo()
          .setMessage("Change capture engine stopped")
          .addKeyValue("event", "cdc.engine.stopped")
          .log();
    }
  }

  private void publish(FlagTopicPublisher publisher, List<SourceRecord> batch) {
    List<TopicRecord> records = new ArrayList<>();
    for (SourceRecord record : batch) {
      records.addAll(ChangeRecords.of(record));
    }
    if (!records.isEmpty()) {
      publisher.publish(records);
      long now = clock.millis();
      for (TopicRecord record : records) {
        published.increment();
        if (!record.isTombstone()) {
          lag.record(Duration.ofMillis(Math.max(0, now - record.changedAt().toEpochMilli())));
        }
      }
    }
    status.active();
  }

  /** Creates the publication of the flag table and the heartbeat table, unless it exists. */
  private void ensurePublication() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
      exists.setString(1, cdc.publicationName());
      try (ResultSet rows = exists.executeQuery();
          Statement create = connection.createStatement()) {
        if (!rows.next()) {
          create.execute(
              "CREATE PUBLICATION \""
                  + cdc.publicationName().replace("\"", "\"\"")
                  + "\" FOR TABLE feature_flags, cdc_heartbeat");
        }
      }
    }
  }

  private long slotLag() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)"
                    + " FROM pg_replication_slots WHERE slot_name = ?")) {
      query.setString(1, cdc.slotName());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    } catch (SQLException e) {
      return -1;
    }
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
