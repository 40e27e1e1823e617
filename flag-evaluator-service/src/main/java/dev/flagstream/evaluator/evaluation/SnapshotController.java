package dev.flagstream.evaluator.evaluation;

import static dev.flagstream.evaluator.access.KeyKind.SERVER;

import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.access.KeyRequired;
import dev.flagstream.evaluator.store.ReadYourWrites;
import dev.flagstream.evaluator.store.StoreState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every flag definition, for server SDKs that start or refresh from this evaluator. */
@RestController
class SnapshotController {
  private final StoreState store;
  private final ReadYourWrites readYourWrites;

  SnapshotController(StoreState store, ReadYourWrites readYourWrites) {
    this.store = store;
    this.readYourWrites = readYourWrites;
  }

  /** Every flag definition, with revision and digest; needs a server key (allowlists are in it). */
  @KeyRequired(SERVER)
  @GetMapping("/api/flags/snapshot")
  ResponseEntity<byte[]> snapshot(
      @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision) {
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    FlagSnapshot snapshot = store.snapshot();
    String etag = snapshot.entityTag();
    if (snapshot.isNamedBy(ifNoneMatch)) {
      return ResponseEntity.status(304).headers(ReadYourWrites.headers(reached)).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .headers(ReadYourWrites.headers(reached))
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .eTag(etag)
        .body(withRevisionReached(snapshot.toJson(), reached));
  }

  /**
   * The snapshot's JSON object with {@code revisionReached} added as its last field. Spliced in
   * rather than parsed and written again: a snapshot can be large, and its format is the contract's
   * to write; readers of snapshots ignore fields they do not know.
   */
  static byte[] withRevisionReached(byte[] json, @Nullable Boolean reached) {
    if (reached == null) {
      return json;
    }
    int end = json.length - 1;
    while (end > 0 && json[end] != '}') {
      end--;
    }
    byte[] field = (",\"revisionReached\":" + reached + "}").getBytes(StandardCharsets.UTF_8);
    byte[] spliced = Arrays.copyOf(json, end + field.length);
    System.arraycopy(field, 0, spliced, end, field.length);
    return spliced;
  }
}
