package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaIT {
  private static final String TOPIC = "flag-changes";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void deliversRecords_toAConsumerGroup_whichResumesAfterARestart() throws Exception {
    try (LocalKafka kafka = LocalKafka.startTemporary();
        Producer<String, String> producer = producer(kafka, Map.of())) {
      assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
      assertThat(kafka.isRunning()).isTrue();
      createTopic(kafka);

      send(producer, "new-checkout:enabled");
      try (Consumer<String, String> consumer = groupConsumer(kafka)) {
        consumer.subscribe(List.of(TOPIC));
        assertThat(pollUntil(consumer, 1)).containsExactly("new-checkout:enabled");
      } // commits the group's offset

      kafka.restart();
      send(producer, "new-checkout:disabled");
      try (Consumer<String, String> consumer = groupConsumer(kafka)) {
        consumer.subscribe(List.of(TOPIC));
        assertThat(pollUntil(consumer, 1)).containsExactly("new-checkout:disabled");
      }
      kafka.start();
      assertThat(kafka.isRunning()).as("start() on a running broker changes nothing").isTrue();
    }
  }

  @Test
  void stopThenStart_keepsTheData_andTheSameProducerSendsAgain(@TempDir Path data)
      throws Exception {
    try (LocalKafka kafka = LocalKafka.builder().dataDirectory(data).start();
        Producer<String, String> producer =
            producer(
                kafka,
                Map.of(
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))) {
      int port = kafka.port();
      createTopic(kafka);
      send(producer, "while-up");

      kafka.stop();
      assertThat(kafka.isRunning()).isFalse();
      assertThatThrownBy(() -> send(producer, "while-down"))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);

      kafka.start();
      assertThat(kafka.port()).isEqualTo(port);
      await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> send(producer, "back-up"));
      // A timed-out attempt may still have been written, so "back-up" may be there twice.
      assertThat(readTopic(kafka, 2))
          .startsWith("while-up")
          .contains("back-up")
          .doesNotContain("while-down");
    }
    assertThat(data.resolve("broker.log")).as("a given data directory is kept").isNotEmptyFile();
  }

  @Test
  void killThenStart_keepsEveryAcknowledgedRecord() throws Exception {
    try (LocalKafka kafka = LocalKafka.startTemporary()) {
      createTopic(kafka);
      List<String> acknowledged = new ArrayList<>();
      try (Producer<String, String> producer = producer(kafka, Map.of())) {
        for (int i = 0; i < 20; i++) {
          send(producer, "change-" + i);
          acknowledged.add("change-" + i);
        }
      }

      kafka.kill();
      assertThat(kafka.isRunning()).isFalse();
      kafka.start();

      assertThat(readTopic(kafka, acknowledged.size())).isEqualTo(acknowledged);
    }
  }

  @Test
  void aFrozenBroker_answersNothing_untilThawed_thenDeliversWhatWasSentMeanwhile()
      throws Exception {
    try (LocalKafka kafka = LocalKafka.startTemporary();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        Producer<String, String> producer =
            producer(kafka, Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000))) {
      createTopic(kafka);
      send(producer, "before");

      kafka.freeze();
      assertThat(kafka.isFrozen()).isTrue();
      assertThat(kafka.isRunning()).as("paused, not dead").isTrue();
      Future<RecordMetadata> meanwhile = producer.send(new ProducerRecord<>(TOPIC, "meanwhile"));
      assertThatThrownBy(
              () ->
                  admin
                      .describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
                      .nodes()
                      .get())
          .as("nothing answers")
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(meanwhile.isDone()).as("nothing is acknowledged while frozen").isFalse();

      kafka.thaw();
      assertThat(kafka.isFrozen()).isFalse();
      meanwhile.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(readTopic(kafka, 2)).containsExactly("before", "meanwhile");

      kafka.freeze();
    } // close() thaws the broker first, or its SIGTERM would wait for ever
  }

  @Test
  void withSaslUsers_onlyGrantedUsersWithTheirPasswordsGetIn() throws Exception {
    try (LocalKafka kafka =
        LocalKafka.builder()
            .saslUser("writer", "writer-secret")
            .saslUser("reader", "reader-secret")
            .start()) {
      try (Admin admin = Admin.create(withServers(kafka, kafka.superUserProperties()))) {
        admin
            .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
            .all()
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      kafka.grant("writer", TOPIC, AclOperation.WRITE, AclOperation.DESCRIBE);
      kafka.grant("reader", TOPIC, AclOperation.READ, AclOperation.DESCRIBE);

      try (Producer<String, String> writer = producer(kafka, kafka.clientProperties("writer"))) {
        send(writer, "from-the-writer");
      }
      try (Producer<String, String> reader =
          producer(kafka, quick(kafka.clientProperties("reader")))) {
        assertThatThrownBy(() -> send(reader, "from-the-reader"))
            .as("reading rights do not allow writing")
            .hasCauseInstanceOf(AuthorizationException.class);
      }
      Map<String, Object> wrongPassword = new HashMap<>(kafka.clientProperties("writer"));
      wrongPassword.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.plain.PlainLoginModule required"
              + " username=\"writer\" password=\"guess\";");
      try (Producer<String, String> impostor = producer(kafka, quick(wrongPassword))) {
        assertThatThrownBy(() -> send(impostor, "forged"))
            .hasRootCauseInstanceOf(SaslAuthenticationException.class);
      }
      try (Producer<String, String> anonymous = producer(kafka, quick(Map.of()))) {
        assertThatThrownBy(() -> send(anonymous, "forged"))
            .as("a client without credentials gets nothing through")
            .isInstanceOf(ExecutionException.class);
      }
      try (Consumer<String, String> reader =
          new KafkaConsumer<>(
              withServers(kafka, kafka.clientProperties("reader")),
              new StringDeserializer(),
              new StringDeserializer())) {
        List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0));
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        assertThat(pollUntil(reader, 1)).containsExactly("from-the-writer");
      }

      kafka.restart();
      try (Producer<String, String> writer = producer(kafka, kafka.clientProperties("writer"))) {
        send(writer, "after-a-restart");
      }
    }
  }

  @Test
  void start_onATakenPort_failsWithTheBrokersOwnExplanation() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> LocalKafka.builder().port(taken.getLocalPort()).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Kafka exited with status 1 while starting")
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("Address already in use");
    }
  }

  private static void createTopic(LocalKafka kafka) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
          .all()
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private static Map<String, Object> withServers(LocalKafka kafka, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return config;
  }

  /** Gives up within seconds, for sends that must fail. */
  private static Map<String, Object> quick(Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
    return config;
  }

  private static Producer<String, String> producer(LocalKafka kafka, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Sends and waits for the broker's acknowledgement. */
  private static void send(Producer<String, String> producer, String value) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static Consumer<String, String> groupConsumer(LocalKafka kafka) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "evaluators",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /** Every record of the topic, read without a group, once there are at least {@code count}. */
  private static List<String> readTopic(LocalKafka kafka, int count) {
    try (Consumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return pollUntil(consumer, count);
    }
  }

  private static List<String> pollUntil(Consumer<String, String> consumer, int count) {
    List<String> values = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInSameThread() // a consumer belongs to one thread
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
              return values.size() >= count;
            });
    return values;
  }
}
