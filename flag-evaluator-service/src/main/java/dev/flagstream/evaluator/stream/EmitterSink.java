package dev.flagstream.evaluator.stream;

import java.io.IOException;
import java.util.Objects;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A stream's events written as Server-Sent Events to the browser's connection. */
final class EmitterSink implements EventSink {
  private final SseEmitter emitter;

  EmitterSink(SseEmitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void send(StreamEvent event) throws IOException {
    String comment = event.comment();
    if (comment != null) {
      emitter.send(SseEmitter.event().comment(comment));
      return;
    }
    // Every event that is not a comment has a name and data.
    SseEmitter.SseEventBuilder built =
        SseEmitter.event()
            .name(Objects.requireNonNull(event.name()))
            .data(Objects.requireNonNull(event.data()));
    if (event.revision() != null) {
      built.id(Long.toString(event.revision()));
    }
    emitter.send(built);
  }

  @Override
  public void complete() {
    try {
      emitter.complete();
    } catch (RuntimeException e) {
      // already completed, or the connection is gone: either way the stream has ended
    }
  }
}
