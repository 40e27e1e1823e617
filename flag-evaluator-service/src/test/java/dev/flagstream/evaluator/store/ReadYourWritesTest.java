package dev.flagstream.evaluator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class ReadYourWritesTest {
  private final ScriptedFlagClient flags =
      new ScriptedFlagClient().set(Flag.builder("f").enabled(true).version(3).build());

  @Test
  void noToken_noWait_andNoAnswerAboutOne() {
    assertThat(new ReadYourWrites(flags, Duration.ofSeconds(2), 1).await(null, null)).isNull();
    assertThat(ReadYourWrites.headers(null).isEmpty()).isTrue();
  }

  @Test
  void tokensFromTheHeaderAndTheQuery_mustAllBeReached() {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofMillis(50), 1);
    assertThat(reads.await("f@3", null)).isTrue();
    assertThat(reads.await(null, "f@2")).isTrue();
    assertThat(reads.await("f@3", "f@4")).isFalse();
    assertThat(ReadYourWrites.headers(false).getFirst("Flagstream-Revision-Reached"))
        .isEqualTo("false");
  }

  @Test
  void aMalformedToken_isA400NamingMinRevision() {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(2), 1);
    assertThatThrownBy(() -> reads.await("f", null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(400);
              assertThat(e.getBody().getProperties().toString()).contains("minRevision");
            });
  }

  @Test
  void beyondTheWaitersAllowed_aReadIsAnsweredAtOnce_stillSayingWhetherItWasReached()
      throws Exception {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(30), 1);
    CompletableFuture<Boolean> waiter =
        CompletableFuture.supplyAsync(() -> reads.await("f@4", null));
    await().atMost(Duration.ofSeconds(20)).until(() -> flags.waiting() == 1);
    assertThat(reads.await("f@5", null)).as("not reached, and not waited for").isFalse();
    assertThat(reads.await("f@3", null)).isTrue();
    flags.set(Flag.builder("f").enabled(true).version(4).build());
    assertThat(waiter.get()).isTrue();
  }

  @Test
  void theWait_isBounded_from0To30Seconds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReadYourWrites(flags, Duration.ofMinutes(5), 1))
        .withMessageContaining("flags.read-your-writes.max-wait");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReadYourWrites(flags, Duration.ofSeconds(30).plusNanos(1), 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReadYourWrites(flags, Duration.ofMillis(-1), 1));
    assertThat(new ReadYourWrites(flags, Duration.ofSeconds(30), 1).await("f@3", null)).isTrue();
    assertThat(new ReadYourWrites(flags, Duration.ZERO, 1).await("f@4", null)).isFalse();
  }

  @Test
  void aWaiterDone_givesItsPlaceToTheNext() throws Exception {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(30), 1);
    for (int version = 4; version <= 5; version++) {
      String token = "f@" + version;
      CompletableFuture<Boolean> waiter =
          CompletableFuture.supplyAsync(() -> reads.await(token, null));
      await().atMost(Duration.ofSeconds(20)).until(() -> flags.waiting() == 1);
      flags.set(Flag.builder("f").enabled(true).version(version).build());
      assertThat(waiter).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(true);
    }
  }

  @Test
  void readsAnsweredAtOnce_takeNoPlaceFromWaiters() throws Exception {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(30), 1);
    CompletableFuture<Boolean> waiter =
        CompletableFuture.supplyAsync(() -> reads.await("f@4", null));
    await().atMost(Duration.ofSeconds(20)).until(() -> flags.waiting() == 1);
    for (int i = 0; i < 3; i++) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> assertThat(reads.await("f@5", null)).as("answered at once").isFalse());
    }
    flags.set(Flag.builder("f").enabled(true).version(4).build());
    assertThat(waiter).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(true);
  }

  @Test
  void noWaitersAllowed_answersEveryReadAtOnce() {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(30), -1);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertThat(reads.await("f@4", null)).isFalse());
  }

  @Test
  void anInterruptedRead_answersNotReached_andKeepsTheInterrupt() {
    ReadYourWrites reads = new ReadYourWrites(flags, Duration.ofSeconds(30), 1);
    Thread.currentThread().interrupt();
    try {
      assertThat(reads.await("f@4", null)).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
