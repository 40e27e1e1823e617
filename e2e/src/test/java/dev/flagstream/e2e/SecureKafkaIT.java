package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.infrastructure.LocalKafka;
import dev.flagstream.local.platform.LocalPlatform;
import dev.flagstream.local.platform.LocalPlatformBuilder;
import java.time.Duration;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

/**
 * The platform on a Kafka cluster set up as production should be: every client signs in (SASL) and
 * the broker authorizes by ACL, exactly those documented: the admin's principal writes the flag
 * topic, the evaluator's only reads it. A change made through the admin API reaches the evaluator;
 * a client without a principal of its own reads nothing.
 */
class SecureKafkaIT {
  private static final Duration SECONDS = Duration.ofSeconds(60);

  @Test
  void adminAndEvaluator_signInToKafka_andAChangeTravelsThroughTheAuthorizedTopic()
      throws Exception {
    LocalKafka kafka =
        LocalKafka.builder()
            .saslUser("flagstream-admin", "admin-secret")
            .saslUser("flagstream-evaluator", "evaluator-secret")
            .start();
    kafka.grant(
        "flagstream-admin",
        FlagTopic.DEFAULT_NAME,
        AclOperation.CREATE,
        AclOperation.DESCRIBE,
        AclOperation.DESCRIBE_CONFIGS,
        AclOperation.WRITE,
        AclOperation.READ);
    kafka.grant(
        "flagstream-evaluator", FlagTopic.DEFAULT_NAME, AclOperation.DESCRIBE, AclOperation.READ);
    LocalPlatformBuilder signedIn = TestPlatform.builder(SecureKafkaIT.class).kafka(kafka);
    // As the services take Kafka client settings: flags.kafka.properties[name].
    kafka
        .clientProperties("flagstream-admin")
        .forEach((name, value) -> signedIn.adminSetting(kafkaProperty(name), value.toString()));
    kafka
        .clientProperties("flagstream-evaluator")
        .forEach((name, value) -> signedIn.evaluatorSetting(kafkaProperty(name), value.toString()));
    try (LocalPlatform platform = signedIn.start()) {
      Http admin = new Http(platform.admin().url(), platform.credentials().token());
      Http sdk = new Http(platform.evaluator().url(), platform.credentials().serverKey());

      Http.Reply created =
          admin.post("/api/admin/flags", "{\"name\":\"signed-in\",\"enabled\":true}");
      Http.Reply read =
          sdk.send(
              "GET",
              "/api/flags/signed-in/evaluation?userId=u-1",
              null,
              "Flagstream-Revision",
              created.header("Flagstream-Revision"));
      assertThat(read.json().get("revisionReached").asBoolean()).isTrue();
      assertThat(read.json().get("value").asBoolean()).isTrue();

      try (FlagClient anonymous =
          FlagClient.builder()
              .kafka(kafka.bootstrapServers())
              .startupTimeout(Duration.ofSeconds(2))
              .build()) {
        await().atMost(SECONDS).until(() -> anonymous.status() == ClientStatus.ERROR);
        assertThat(anonymous.flag("signed-in")).as("nothing read without a principal").isNull();
      }
    }
  }

  private static String kafkaProperty(String name) {
    return "flags.kafka.properties[" + name + "]";
  }
}
