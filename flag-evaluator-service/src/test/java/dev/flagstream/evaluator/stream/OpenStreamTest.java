package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.flagstream.evaluator.fixtures.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** One browser's stream, with writers the test runs itself: no threads, no waiting. */
class OpenStreamTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Instant DEADLINE = NOW.plus(Duration.ofMinutes(30));
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final int OUTBOX = 3;

  private final MutableClock clock = new MutableClock(NOW);
  private final List<OpenStream.End> ends = new CopyOnWriteArrayList<>();
  private final Sinks.Recording browser = new Sinks.Recording();
  private final Queue<Runnable> writers = new ArrayDeque<>();

  private OpenStream stream(EventSink sink, Executor senders) {
    return new OpenStream(
        "u-1", "client-1", DEADLINE, OUTBOX, sink, senders, clock, (s, why) -> ends.add(why));
  }

  /** Writes at once, on the caller's thread. */
  private OpenStream writtenAtOnce(EventSink sink) {
    return stream(sink, Runnable::run);
  }

  /** Writes when the test runs {@link #writers}. */
  private OpenStream writtenLater(EventSink sink) {
    return stream(sink, writers::add);
  }

  private void runWriters() {
    for (Runnable writer = writers.poll(); writer != null; writer = writers.poll()) {
      writer.run();
    }
  }

  private static StreamEvent flag(String name, boolean value, long revision) {
    return StreamEvent.flag(name, value, true, revision);
  }

  @Test
  void events_areWrittenInOrder_byOneWriterAtATime() {
    OpenStream stream = writtenLater(browser);
    assertThat(stream.offer(flag("a", true, 1))).isTrue();
    assertThat(stream.offer(flag("b", true, 2))).isTrue();
    assertThat(stream.offer(StreamEvent.heartbeat())).isTrue();
    assertThat(writers).as("one writer for the stream").hasSize(1);
    runWriters();
    assertThat(browser.events).extracting(StreamEvent::flag).containsExactly("a", "b", null);
    assertThat(browser.completed).isFalse();
  }

  @Test
  void aFullOutbox_refusesTheEvent() {
    OpenStream stream = writtenLater(browser);
    for (int i = 0; i < OUTBOX; i++) {
      assertThat(stream.offer(StreamEvent.heartbeat())).isTrue();
    }
    assertThat(stream.offer(StreamEvent.heartbeat())).isFalse();
  }

  @Test
  void aFlag_isNeverTakenBackToAnOlderRevision() {
    OpenStream stream = writtenAtOnce(browser);
    stream.offer(StreamEvent.snapshot(5, Map.of("a", false), null));
    stream.offer(flag("a", true, 7));
    stream.offer(flag("a", false, 6));
    stream.offer(flag("b", false, 6));
    stream.offer(flag("a", false, 7));
    assertThat(browser.events)
        .extracting(StreamEvent::name, StreamEvent::flag, StreamEvent::revision)
        .containsExactly(
            tuple("snapshot", null, 5L),
            tuple("flag", "a", 7L),
            tuple("flag", "b", 6L),
            tuple("flag", "a", 7L));
  }

  @Test
  void aWriteThatFails_endsTheStreamAsGone_once() {
    Sinks.Recording failing =
        new Sinks.Recording() {
          @Override
          public void send(StreamEvent event) throws IOException {
            throw new IOException("the browser went away, for the test");
          }
        };
    OpenStream stream = writtenAtOnce(failing);
    stream.offer(StreamEvent.heartbeat());
    assertThat(ends).containsExactly(OpenStream.End.GONE);
    assertThat(failing.completed).isTrue();
    stream.end(OpenStream.End.SLOW);
    assertThat(ends).as("ended once").containsExactly(OpenStream.End.GONE);
  }

  @Test
  void anEndedStream_takesEventsWithoutComplaint_butWritesNoMore() {
    OpenStream stream = writtenLater(browser);
    stream.offer(flag("a", true, 1));
    stream.end(OpenStream.End.LIFETIME);
    assertThat(browser.completed).isTrue();
    runWriters();
    for (int i = 0; i <= OUTBOX; i++) {
      assertThat(stream.offer(flag("a", false, 2))).isTrue();
    }
    assertThat(writers).as("no writer spent on it").isEmpty();
    assertThat(browser.events).isEmpty();
    assertThat(ends).containsExactly(OpenStream.End.LIFETIME);
  }

  @Test
  void aStreamEndedDuringAWrite_isClosedByTheWriter_whenTheWriteReturns() {
    List<Boolean> completedDuringWrite = new CopyOnWriteArrayList<>();
    OpenStream[] stream = new OpenStream[1];
    Sinks.Recording slow =
        new Sinks.Recording() {
          @Override
          public void send(StreamEvent event) throws IOException {
            stream[0].end(OpenStream.End.STUCK); // as the sweep does while the write blocks
            completedDuringWrite.add(completed);
            super.send(event);
          }
        };
    stream[0] = writtenAtOnce(slow);
    stream[0].offer(flag("a", true, 1));
    assertThat(completedDuringWrite).containsExactly(false);
    assertThat(slow.completed).isTrue();
    assertThat(ends).containsExactly(OpenStream.End.STUCK);
  }

  @Test
  void whenNoWriterCanBeHad_theStreamEndsAsShutDown() {
    OpenStream stream =
        stream(
            browser,
            writer -> {
              throw new RejectedExecutionException("shutting down, for the test");
            });
    assertThat(stream.offer(StreamEvent.heartbeat())).isTrue();
    assertThat(ends).containsExactly(OpenStream.End.SHUTDOWN);
    assertThat(browser.completed).isTrue();
  }

  @Test
  void overdue_atTheDeadline_orAfterAWriteLongerThanTheSendTimeout() {
    List<Boolean> checked = new CopyOnWriteArrayList<>();
    OpenStream[] stream = new OpenStream[1];
    Sinks.Recording stuck =
        new Sinks.Recording() {
          @Override
          public void send(StreamEvent event) throws IOException {
            Instant since = clock.instant();
            checked.add(stream[0].overdue(since.plus(SEND_TIMEOUT), SEND_TIMEOUT) == null);
            checked.add(
                stream[0].overdue(since.plus(SEND_TIMEOUT).plusMillis(1), SEND_TIMEOUT)
                    == OpenStream.End.STUCK);
            super.send(event);
          }
        };
    stream[0] = writtenAtOnce(stuck);
    assertThat(stream[0].overdue(DEADLINE.minusMillis(1), SEND_TIMEOUT)).isNull();
    assertThat(stream[0].overdue(DEADLINE, SEND_TIMEOUT)).isEqualTo(OpenStream.End.LIFETIME);
    stream[0].offer(StreamEvent.heartbeat());
    assertThat(checked).containsExactly(true, true);
    assertThat(stream[0].overdue(NOW.plus(Duration.ofMinutes(1)), SEND_TIMEOUT))
        .as("no write under way")
        .isNull();
  }
}
