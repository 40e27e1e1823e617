package dev.flagstream.evaluator.evaluation;

import static dev.flagstream.evaluator.access.KeyKind.CLIENT;
import static dev.flagstream.evaluator.access.KeyKind.SERVER;

import dev.flagstream.client.FlagClient;
import dev.flagstream.evaluator.access.Caller;
import dev.flagstream.evaluator.access.KeyRequired;
import dev.flagstream.evaluator.store.ReadYourWrites;
import dev.flagstream.evaluator.system.Problems;
import dev.flagstream.evaluator.system.UserIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashSet;
import java.util.List;
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
  private final FlagNames flagNames;

  EvaluationController(FlagClient flags, ReadYourWrites readYourWrites, MeterRegistry meters) {
    this.flags = flags;
    this.readYourWrites = readYourWrites;
    this.flagNames = new FlagNames(flags);
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
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = Results.class)))
  ResponseEntity<byte[]> evaluateAll(
      @RequestBody(required = false) @Nullable Request request,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision,
      Caller caller) {
    Request body = checked(request);
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    long revision = flags.revision();
    List<FlagNames.Name> names = names(body);
    byte[] json =
        ManyAnswers.evaluations(
            flags, names, body.userId(), revision, caller.kind() == SERVER, reached);
    evaluations.increment(names.size());
    return answer(json, reached);
  }

  /**
   * The same flags as {@link #evaluateAll}, their values alone: what a page needs to render, in
   * about a third of the bytes, and the same for every kind of key.
   */
  @KeyRequired({SERVER, CLIENT})
  @PostMapping("/api/evaluations/values")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = Values.class)))
  ResponseEntity<byte[]> values(
      @RequestBody(required = false) @Nullable Request request,
      @RequestHeader(name = ReadYourWrites.TOKEN_HEADER, required = false) @Nullable String token,
      @RequestParam(name = ReadYourWrites.TOKEN_PARAMETER, required = false)
          @Nullable String minRevision) {
    Request body = checked(request);
    @Nullable Boolean reached = readYourWrites.await(token, minRevision);
    long revision = flags.revision();
    List<FlagNames.Name> names = names(body);
    byte[] json = ManyAnswers.values(flags, names, body.userId(), revision, reached);
    evaluations.increment(names.size());
    return answer(json, reached);
  }

  /** Written with its length, so that it goes out in one piece rather than in chunks. */
  private static ResponseEntity<byte[]> answer(byte[] json, @Nullable Boolean reached) {
    return ResponseEntity.ok()
        .headers(ReadYourWrites.headers(reached))
        .contentType(MediaType.APPLICATION_JSON)
        .contentLength(json.length)
        .body(json);
  }

  private static Request checked(@Nullable Request request) {
    Request body = request == null ? new Request(null, null) : request;
    UserIds.checked(body.userId());
    List<String> named = body.flags();
    if (named != null) {
      check(named);
    }
    return body;
  }

  /** Every flag held, or those named, each once, in the order first named. */
  private List<FlagNames.Name> names(Request body) {
    List<String> named = body.flags();
    return named == null ? flagNames.all() : FlagNames.of(List.copyOf(new LinkedHashSet<>(named)));
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
