package dev.flagstream.admin.cdc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readies the flag topic for a capture run: checks its settings ({@link FlagTopicCheck}), opens the
 * publisher, and brings the topic level with the database ({@link TopicReconciler}) before any
 * change is streamed.
 */
final class FlagTopicStart {
  private static final Logger log = LoggerFactory.getLogger(FlagTopicStart.class);

  private final FlagTopicProperties kafka;
  private final Admin admin;
  private final TopicReconciler reconciler;
  private final CaptureStatus status;
  private final Duration timeout;

  /**
   * @param timeout how long Kafka may take to answer, and how long a batch may wait for it
   */
  FlagTopicStart(
      FlagTopicProperties kafka,
      Admin admin,
      TopicReconciler reconciler,
      CaptureStatus status,
      Duration timeout) {
    this.kafka = kafka;
    this.admin = admin;
    this.reconciler = reconciler;
    this.status = status;
    this.timeout = timeout;
  }

  /**
   * A publisher to the checked and reconciled topic; the caller closes it.
   *
   * @throws CaptureRefusedException when the topic would lose flags
   */
  FlagTopicPublisher open(FlagTopicPublisher.DeadLetter deadLetter)
      throws ExecutionException, InterruptedException, TimeoutException, SQLException {
    Duration answer =
        timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    TopicVerdict verdict = FlagTopicCheck.ensure(admin, kafka, answer);
    if (verdict.refusal() != null) {
      throw new CaptureRefusedException(verdict.refusal());
    }
    status.topicWeaknesses(verdict.weaknesses());
    if (!verdict.weaknesses().isEmpty()) {
      log.atWarn()
          .setMessage("The flag topic is less safe than configured; publishing goes on")
          .addKeyValue("event", "cdc.topic.weak")
          .addKeyValue("topic", kafka.topic())
          .addKeyValue("weaknesses", verdict.weaknesses())
          .log();
    }
    FlagTopicPublisher publisher =
        new FlagTopicPublisher(kafka, timeout, verdict.maxMessageBytes(), deadLetter);
    try {
      TopicContents contents =
          TopicContents.read(KafkaClients.topicReader(kafka), kafka.topic(), answer);
      reconciler.reconcile(contents, publisher);
      return publisher;
    } catch (Exception e) {
      publisher.close();
      throw e;
    }
  }

  /** The topic is set up so that it would lose flags; nothing is published to it. */
  static final class CaptureRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    CaptureRefusedException(String reason) {
      super(reason);
      this.reason = reason;
    }

    /** Why, in words safe to show on the health endpoint. */
    String reason() {
      return reason;
    }
  }
}
