package dev.flagstream.admin.flag;

import dev.flagstream.contracts.snapshot.EncodedSnapshot;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every flag, straight from PostgreSQL: the evaluators' safety net, which reaches them within a
 * refresh interval even while Kafka is broken. Readable with a server key. The same path, body and
 * entity tag as an evaluator's snapshot: the tag is the digest, and {@code If-None-Match} with it
 * gets 304. Encoded again only where flags changed ({@link SnapshotCache}).
 */
@RestController
class SnapshotController {
  private final SnapshotCache snapshots;
  private final Clock clock;

  SnapshotController(SnapshotCache snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /**
   * Written straight to the response, flag by flag from the bytes held: with 100,000 flags the
   * snapshot is 30 MB, which a byte array for the body would allocate again for every request.
   */
  @GetMapping("/api/flags/snapshot")
  void snapshot(
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
          @Nullable String ifNoneMatch,
      HttpServletResponse response)
      throws IOException {
    // The flags are current as of this instant, though encoded when they last changed.
    Instant now = clock.instant();
    EncodedSnapshot snapshot = snapshots.current();
    response.setHeader(HttpHeaders.ETAG, snapshot.entityTag());
    if (snapshot.isNamedBy(ifNoneMatch)) {
      response.setStatus(HttpStatus.NOT_MODIFIED.value());
      return;
    }
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    snapshot.writeTo(response.getOutputStream(), FlagSnapshot.UNKNOWN_REVISION, now, now);
  }
}
