package dev.flagstream.admin.cdc;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code kafka} component of the {@code capture} health group: up when the Kafka cluster
 * answers this service's admin client, with its security settings, within two seconds.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator {
  private final Admin admin;

  KafkaHealthIndicator(Admin admin) {
    super("Kafka did not answer");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    int nodes =
        admin
            .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
            .nodes()
            .get(3, TimeUnit.SECONDS)
            .size();
    health.up().withDetail("nodes", nodes);
  }
}
