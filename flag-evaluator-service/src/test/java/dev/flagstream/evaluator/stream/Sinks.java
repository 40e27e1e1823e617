package dev.flagstream.evaluator.stream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/** Browsers for stream tests: one that reads everything at once, one that reads nothing yet. */
final class Sinks {
  private Sinks() {}

  /** Keeps every event written to it. */
  static class Recording implements EventSink {
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean completed;

    @Override
    public void send(StreamEvent event) throws IOException {
      events.add(event);
    }

    @Override
    public void complete() {
      completed = true;
    }

    /** The value last written for {@code flag}: by a flag event, else by a snapshot. */
    @Nullable Boolean lastValueOf(String flag) {
      for (int i = events.size() - 1; i >= 0; i--) {
        StreamEvent event = events.get(i);
        if (flag.equals(event.flag())) {
          return (Boolean) event.data().get("value");
        }
        if ("snapshot".equals(event.name())) {
          @SuppressWarnings("unchecked")
          var values = (java.util.Map<String, Boolean>) event.data().get("values");
          return values.get(flag);
        }
      }
      return null;
    }

    List<String> names() {
      return events.stream().map(event -> String.valueOf(event.name())).toList();
    }
  }

  /** Blocks every write until released, as a browser that stopped reading. */
  static final class Stalled extends Recording {
    final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch writing = new CountDownLatch(1);

    @Override
    public void send(StreamEvent event) throws IOException {
      writing.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      super.send(event);
    }

    void release() {
      released.countDown();
    }
  }
}
