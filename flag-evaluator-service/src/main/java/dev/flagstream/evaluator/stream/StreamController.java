package dev.flagstream.evaluator.stream;

import static dev.flagstream.evaluator.access.KeyKind.CLIENT;
import static dev.flagstream.evaluator.access.KeyKind.SERVER;

import dev.flagstream.evaluator.access.Caller;
import dev.flagstream.evaluator.access.KeyRequired;
import dev.flagstream.evaluator.store.ReadYourWrites;
import dev.flagstream.evaluator.system.UserIds;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/flags/stream?userId=&key=&lastEventId=}: a user's flag values as Server-Sent
 * Events.
 */
@RestController
class StreamController {
  private final FlagStreams streams;
  private final StreamSettings settings;
  private final ReadYourWrites readYourWrites;

  StreamController(FlagStreams streams, StreamSettings settings, ReadYourWrites readYourWrites) {
    this.streams = streams;
    this.settings = settings;
    this.readYourWrites = readYourWrites;
  }

  /**
   * Opens a stream. With a revision token, it first waits (boundedly) for the store to apply the
   * change, and begins with every value and whether the change was reached. It resumes from the
   * {@code Last-Event-ID} header, which a browser's own reconnect sends, or else from the {@code
   * lastEventId} parameter, which a client that opens a new {@code EventSource} itself (and so
   * cannot send headers) puts in the URL; the header is the newer when both are there.
   */
  @KeyRequired(
      value = {SERVER, CLIENT},
      inQuery = true)
  @GetMapping(path = "/api/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<SseEmitter> stream(
      @RequestParam(required = false) @Nullable String userId,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
      @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParameter,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision,
      Caller caller) {
    UserIds.checked(userId);
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    // The web server's own timeout is only a backstop: streams end at their lifetime.
    SseEmitter emitter = new SseEmitter(settings.maxLifetime().plusMinutes(1).toMillis());
    OpenStream stream =
        streams.open(
            caller,
            userId,
            parse(lastEventId != null ? lastEventId : lastEventIdParameter),
            reached,
            new EmitterSink(emitter));
    emitter.onCompletion(() -> stream.end(OpenStream.End.GONE));
    emitter.onTimeout(() -> stream.end(OpenStream.End.LIFETIME));
    emitter.onError(error -> stream.end(OpenStream.End.GONE));
    return ResponseEntity.ok().headers(ReadYourWrites.headers(reached)).body(emitter);
  }

  private static @Nullable Long parse(@Nullable String lastEventId) {
    try {
      return lastEventId == null ? null : Long.valueOf(lastEventId.strip());
    } catch (NumberFormatException e) {
      return null; // not one of ours: the stream starts with everything
    }
  }
}
