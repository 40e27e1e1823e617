package dev.flagstream.evaluator.evaluation;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.store.StoreState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Evaluations over HTTP, and the snapshot of every flag for server SDKs. */
@RestController
class EvaluationController {
  static final int MAX_FLAGS_PER_REQUEST = 1_000;

  private final FlagClient flags;
  private final StoreState store;
  private final Counter evaluations;

  EvaluationController(FlagClient flags, StoreState store, MeterRegistry meters) {
    this.flags = flags;
    this.store = store;
    this.evaluations =
        Counter.builder("flagstream.evaluations")
            .description("Flags evaluated over HTTP")
            .register(meters);
  }

  /** One flag's value for a user; an unknown flag is off with reason FLAG_NOT_FOUND. */
  @GetMapping("/api/flags/{name}/evaluation")
  Result evaluate(
      @PathVariable String name, @RequestParam(required = false) @Nullable String userId) {
    evaluations.increment();
    return Result.of(flags.evaluate(name, userId), flags.revision());
  }

  record Request(@Nullable String userId, @Nullable List<String> flags) {}

  record Results(@Nullable String userId, long revision, Map<String, Result> values) {}

  /** Many flags for one user in one response: those named, or every flag held. */
  @PostMapping("/api/evaluations")
  Results evaluateAll(@RequestBody(required = false) @Nullable Request request) {
    Request body = request == null ? new Request(null, null) : request;
    List<String> names =
        body.flags() == null ? flags.flags().stream().map(Flag::name).toList() : body.flags();
    if (names.size() > MAX_FLAGS_PER_REQUEST) {
      throw new ResponseStatusException(
          org.springframework.http.HttpStatus.BAD_REQUEST,
          "flags: at most " + MAX_FLAGS_PER_REQUEST + " per request");
    }
    long revision = flags.revision();
    Map<String, Result> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, Result.of(flags.evaluate(name, body.userId()), revision));
    }
    evaluations.increment(values.size());
    return new Results(body.userId(), revision, values);
  }

  /** Every flag definition, with revision and digest; needs a server key. */
  @GetMapping("/api/flags/snapshot")
  ResponseEntity<byte[]> snapshot(
      @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
    FlagSnapshot snapshot = store.snapshot();
    String etag = "\"" + snapshot.digest() + "\"";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(304).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .eTag(etag)
        .body(snapshot.toJson());
  }

  /**
   * An evaluation as the API answers it.
   *
   * @param version the flag's version, 0 for an unknown flag
   * @param revision the store's revision when it was evaluated
   */
  record Result(String flag, boolean value, String reason, long version, long revision) {
    static Result of(FlagEvaluation evaluation, long revision) {
      return new Result(
          evaluation.flag(),
          evaluation.value(),
          evaluation.reason().name(),
          evaluation.version(),
          revision);
    }
  }
}
