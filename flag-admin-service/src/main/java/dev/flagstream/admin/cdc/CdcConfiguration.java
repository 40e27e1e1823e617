package dev.flagstream.admin.cdc;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Change data capture, on unless {@code flags.cdc.enabled=false}. */
@Configuration
@ConditionalOnProperty(name = "flags.cdc.enabled", havingValue = "true", matchIfMissing = true)
class CdcConfiguration {

  @Bean(destroyMethod = "close")
  Admin kafkaAdmin(KafkaProperties kafka) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "flagstream-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000));
  }

  @Bean
  CaptureStatus captureStatus(Clock clock) {
    return new CaptureStatus(clock);
  }

  @Bean
  ChangeCapture changeCapture(
      CdcProperties cdc,
      KafkaProperties kafka,
      Admin admin,
      @Value("${spring.datasource.url}") String jdbcUrl,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password,
      CaptureStatus status,
      MeterRegistry meters,
      Clock clock) {
    return new ChangeCapture(cdc, kafka, admin, jdbcUrl, user, password, status, meters, clock);
  }

  @Bean("cdc")
  CdcHealthIndicator cdcHealthIndicator(CaptureStatus status, CdcProperties cdc) {
    return new CdcHealthIndicator(status, cdc);
  }

  @Bean("kafka")
  KafkaHealthIndicator kafkaHealthIndicator(Admin admin) {
    return new KafkaHealthIndicator(admin);
  }
}
