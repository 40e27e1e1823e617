package dev.flagstream.evaluator.stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/flags/stream?userId=&key=}: a user's flag values as Server-Sent Events. */
@RestController
class StreamController {
  private final FlagStreams streams;

  StreamController(FlagStreams streams) {
    this.streams = streams;
  }

  @GetMapping(path = "/api/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @RequestParam(required = false) @Nullable String userId,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    return streams.open(userId, parse(lastEventId));
  }

  private static @Nullable Long parse(@Nullable String lastEventId) {
    try {
      return lastEventId == null ? null : Long.valueOf(lastEventId.strip());
    } catch (NumberFormatException e) {
      return null; // not one of ours: the stream starts with everything
    }
  }
}
