package dev.flagstream.admin.cdc;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change data capture, on unless {@code flags.cdc.enabled=false}. Settings that cannot work are
 * refused here, at start-up, rather than in the capture's retry loop: a JDBC URL that is not a
 * single host, TLS settings the capture's connections would not get.
 */
@Configuration
@ConditionalOnProperty(name = "flags.cdc.enabled", havingValue = "true", matchIfMissing = true)
class CdcConfiguration {

  @Bean(destroyMethod = "close")
  Admin kafkaAdmin(FlagTopicProperties kafka) {
    return Admin.create(KafkaClients.admin(kafka));
  }

  @Bean
  CaptureStatus captureStatus(Clock clock) {
    return new CaptureStatus(clock);
  }

  @Bean
  CaptureDatabase captureDatabase(
      CdcProperties cdc,
      @Value("${spring.datasource.url}") String jdbcUrl,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password,
      Environment environment) {
    Map<String, String> poolSettings =
        Binder.get(environment)
            .bind(
                "spring.datasource.hikari.data-source-properties",
                Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    for (String name : poolSettings.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("ssl") || lower.startsWith("gss")) {
        throw new IllegalStateException(
            "spring.datasource.hikari.data-source-properties."
                + name
                + " would secure the pool's connections but not those of change data capture;"
                + " put it into spring.datasource.url, where both read it");
      }
    }
    return new CaptureDatabase(
        jdbcUrl,
        cdc.username() != null ? cdc.username() : user,
        cdc.password() != null ? cdc.password() : password);
  }

  @Bean
  CaptureMetrics captureMetrics(MeterRegistry meters, CaptureStatus status, CdcProperties cdc) {
    return new CaptureMetrics(meters, status, silenceLimit(cdc));
  }

  @Bean
  SlotMonitor slotMonitor(CaptureDatabase database, CaptureStatus status, CdcProperties cdc) {
    return new SlotMonitor(
        new ReplicationSlot(database, cdc.slotName()), status, cdc.slotCheckInterval());
  }

  @Bean
  ChangeCapture changeCapture(
      CdcProperties cdc,
      FlagTopicProperties kafka,
      Admin admin,
      CaptureDatabase database,
      DataSource dataSource,
      CaptureStatus status,
      CaptureMetrics metrics,
      JsonMapper json,
      Clock clock) {
    FlagTopicStart topic =
        new FlagTopicStart(
            kafka,
            admin,
            new TopicReconciler(dataSource, metrics, clock),
            status,
            cdc.publishTimeout());
    CaptureRun run =
        new CaptureRun(
            cdc,
            database,
            new ReplicationSlot(database, cdc.slotName()),
            topic,
            new ChangePublishing(
                new ChangeRecords(json, cdc.heartbeatInterval()), status, metrics, clock),
            status);
    return new ChangeCapture(cdc, database, run, status, metrics);
  }

  @Bean("cdc")
  CdcHealthIndicator cdcHealthIndicator(CaptureStatus status, CdcProperties cdc) {
    return new CdcHealthIndicator(status, silenceLimit(cdc));
  }

  @Bean("kafka")
  KafkaHealthIndicator kafkaHealthIndicator(Admin admin) {
    return new KafkaHealthIndicator(admin);
  }

  /** Three heartbeats missed, and some slack for a slow start. */
  private static Duration silenceLimit(CdcProperties cdc) {
    return cdc.heartbeatInterval().multipliedBy(3).plusSeconds(15);
  }
}
