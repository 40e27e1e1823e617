package dev.flagstream.evaluator.evaluation;

import static dev.flagstream.evaluator.access.KeyKind.CLIENT;
import static dev.flagstream.evaluator.access.KeyKind.SERVER;

import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.access.Caller;
import dev.flagstream.evaluator.access.KeyRequired;
import dev.flagstream.evaluator.store.ReadYourWrites;
import dev.flagstream.evaluator.system.Problems;
import dev.flagstream.evaluator.system.UserIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluations over HTTP, one flag or many for one user. Server keys get the whole evaluation;
 * client keys, which browsers hold and anyone can read, get the value alone (see {@link Result}).
 */
@RestController
class EvaluationController {
  static final int MAX_FLAGS_PER_REQUEST = 1_000;

  private final FlagClient flags;
  private final ReadYourWrites readYourWrites;
  private final Counter evaluations;

  EvaluationController(FlagClient flags, ReadYourWrites readYourWrites, MeterRegistry meters) {
    this.flags = flags;
    this.readYourWrites = readYourWrites;
    this.evaluations =
        Counter.builder("flagstream.evaluations")
            .description("Flags evaluated over HTTP")
            .register(meters);
  }

  /** One flag's value for a user; an unknown flag is off (with reason FLAG_NOT_FOUND). */
  @KeyRequired({SERVER, CLIENT})
  @GetMapping("/api/flags/{name}/evaluation")
  ResponseEntity<Result> evaluate(
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String userId,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision,
      Caller caller) {
    UserIds.checked(userId);
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    evaluations.increment();
    Result result =
        Result.of(flags.evaluate(name, userId), flags.revision(), caller.kind())
            .withRevisionReached(reached);
    return ResponseEntity.ok().headers(ReadYourWrites.headers(reached)).body(result);
  }

  record Request(@Nullable String userId, @Nullable List<String> flags) {}

  /** Many flags for one user in one response: those named, or every flag held. */
  @KeyRequired({SERVER, CLIENT})
  @PostMapping("/api/evaluations")
  ResponseEntity<Results> evaluateAll(
      @RequestBody(required = false) @Nullable Request request,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision,
      Caller caller) {
    Request body = request == null ? new Request(null, null) : request;
    UserIds.checked(body.userId());
    List<String> named = body.flags();
    if (named != null) {
      check(named);
    }
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    List<String> names = named == null ? flags.flags().stream().map(Flag::name).toList() : named;
    long revision = flags.revision();
    Map<String, Result> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, Result.of(flags.evaluate(name, body.userId()), revision, caller.kind()));
    }
    evaluations.increment(values.size());
    return ResponseEntity.ok()
        .headers(ReadYourWrites.headers(reached))
        .body(new Results(body.userId(), revision, values, reached));
  }

  private static void check(List<String> names) {
    if (names.size() > MAX_FLAGS_PER_REQUEST) {
      throw Problems.invalid(
          "flags", "must name at most " + MAX_FLAGS_PER_REQUEST + " flags, named " + names.size());
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == null) {
        throw Problems.invalid("flags[" + i + "]", "must be a flag name");
      }
    }
  }
}
