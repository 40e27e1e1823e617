package dev.flagstream.admin.flag;

import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every flag, straight from PostgreSQL: the evaluators' safety net, which reaches them within a
 * refresh interval even while Kafka is broken. Readable with a server key.
 */
@RestController
class SnapshotController {
  private final FlagService flags;
  private final Clock clock;

  SnapshotController(FlagService flags, Clock clock) {
    this.flags = flags;
    this.clock = clock;
  }

  @GetMapping("/api/snapshot")
  ResponseEntity<byte[]> snapshot() {
    FlagSnapshot snapshot =
        FlagSnapshot.of(flags.all(), FlagSnapshot.UNKNOWN_REVISION, clock.instant());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .eTag("\"" + snapshot.digest() + "\"")
        .body(snapshot.toJson());
  }
}
