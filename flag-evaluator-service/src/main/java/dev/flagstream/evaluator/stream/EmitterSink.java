package dev.flagstream.evaluator.stream;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A stream's events written as Server-Sent Events to the browser's connection. */
final class EmitterSink implements EventSink {
  private final SseEmitter emitter;

  EmitterSink(SseEmitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void send(StreamEvent event) throws IOException {
    if (event.comment() != null) {
      emitter.send(SseEmitter.event().comment(event.comment()));
      return;
    }
    SseEmitter.SseEventBuilder built = SseEmitter.event().name(event.name()).data(event.data());
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
