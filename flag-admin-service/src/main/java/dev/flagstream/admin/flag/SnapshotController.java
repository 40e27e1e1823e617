package dev.flagstream.admin.flag;

import dev.flagstream.contracts.snapshot.EncodedSnapshot;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
  private final SnapshotCache flags;
  private final Clock clock;

  SnapshotController(SnapshotCache flags, Clock clock) {
    this.flags = flags;
    this.clock = clock;
  }

  @GetMapping("/api/flags/snapshot")
  ResponseEntity<byte[]> snapshot(
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
          @Nullable String ifNoneMatch) {
    // The flags are current as of this instant, though encoded when they last changed.
    Instant now = clock.instant();
    EncodedSnapshot snapshot = flags.current();
    String etag = snapshot.entityTag();
    if (snapshot.isNamedBy(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .eTag(etag)
        .body(snapshot.toJson(FlagSnapshot.UNKNOWN_REVISION, now, now));
  }
}
