package dev.flagstream.admin.cdc;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The changes of one engine run sent to Kafka, oldest first, until they may count as processed. A
 * change counts once Kafka acknowledged it and every change read before it, so that the stored
 * capture position never passes a change that is not on the topic, however the acknowledgements
 * arrive. Added to and counted by Debezium's polling thread alone; the acknowledgements complete on
 * the producer's.
 */
final class InFlightChanges {
  private final ArrayDeque<CompletableFuture<?>> sent = new ArrayDeque<>();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

  /**
   * Adds the next change read.
   *
   * @param acknowledged completes when Kafka acknowledged every record the change became, or
   *     exceptionally when it did not
   */
  void add(CompletableFuture<?> acknowledged) {
    sent.add(acknowledged);
    acknowledged.exceptionally(
        e -> {
          failure.compareAndSet(null, cause(e));
          return null;
        });
  }

  /**
   * Removes the oldest changes that may now count as processed.
   *
   * @return how many, each acknowledged as every change before it
   * @throws UnacknowledgedChangeException once any change sent failed: what follows it on the topic
   *     may lack it, so the run must start again from the stored position. The changes this call
   *     found acknowledged are not counted then; they are published again, which consumers absorb
   */
  int acknowledged() {
    int done = 0;
    for (CompletableFuture<?> oldest = sent.peek();
        oldest != null && oldest.isDone() && !oldest.isCompletedExceptionally();
        oldest = sent.peek()) {
      sent.poll();
      done++;
    }
    Throwable failed = failure.get();
    if (failed != null) {
      throw new UnacknowledgedChangeException(failed);
    }
    return done;
  }

  /**
   * The first failure of a change sent, known the moment the producer reports it: the run must stop
   * then, even when the engine hands nothing more over.
   */
  @Nullable Throwable failure() {
    return failure.get();
  }

  /** Changes sent and not yet counted. */
  int size() {
    return sent.size();
  }

  private static Throwable cause(Throwable e) {
    return e instanceof CompletionException ? Objects.requireNonNullElse(e.getCause(), e) : e;
  }

  /** A change sent to Kafka was not acknowledged. */
  static final class UnacknowledgedChangeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnacknowledgedChangeException(Throwable cause) {
      super("a flag change sent to Kafka was not acknowledged", cause);
    }
  }
}
