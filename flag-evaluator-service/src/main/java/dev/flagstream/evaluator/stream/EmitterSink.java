package dev.flagstream.evaluator.stream;

import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream's events written to the browser's connection as the bytes they were encoded to once, not
 * built and converted again for every stream: a change reaches thousands of them.
 */
final class EmitterSink implements EventSink {
  private final SseEmitter emitter;

  EmitterSink(SseEmitter emitter) {
    this.emitter = emitter;
  }

  @Override
  public void send(StreamEvent event) throws IOException {
    emitter.send(Set.of(new DataWithMediaType(event.encoded(), MediaType.TEXT_EVENT_STREAM)));
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
