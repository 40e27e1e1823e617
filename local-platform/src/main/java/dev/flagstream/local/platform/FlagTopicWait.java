package dev.flagstream.local.platform;

import dev.flagstream.local.infrastructure.LocalKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Waits until the admin service's capture has created the flag topic. An evaluator started before
 * that would only warn, again and again, that its reader failed and that the admin's snapshot was
 * not there yet: noise on the console of a run that is going well.
 */
final class FlagTopicWait {
  private FlagTopicWait() {}

  /**
   * Blocks until {@code topic} exists on {@code kafka}, at most {@code timeout}.
   *
   * @throws IllegalStateException when the admin service exits meanwhile, or the time is up
   */
  static void await(LocalKafka kafka, String topic, ServiceProcess admin, Duration timeout) {
    Map<String, Object> config = new HashMap<>(kafka.superUserProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "flagstream-platform-topic-wait");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin client = Admin.create(config)) {
      while (!exists(client, topic)) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              admin.name()
                  + " did not create the topic "
                  + topic
                  + " within "
                  + timeout.toSeconds()
                  + " s; its log is "
                  + admin.logFile());
        }
        if (exitedWithin(admin, Duration.ofMillis(200))) {
          throw new IllegalStateException(
              admin.name() + " exited before it created the topic; its log is " + admin.logFile());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the topic " + topic, e);
    }
  }

  private static boolean exists(Admin client, String topic) throws InterruptedException {
    try {
      return client.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
    } catch (ExecutionException | TimeoutException e) {
      return false; // Kafka is busy; look again
    }
  }

  /** Waiting on the admin's process, rather than sleeping, notices its death at once. */
  private static boolean exitedWithin(ServiceProcess admin, Duration pause)
      throws InterruptedException {
    try {
      admin.onExit().get(pause.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }
}
