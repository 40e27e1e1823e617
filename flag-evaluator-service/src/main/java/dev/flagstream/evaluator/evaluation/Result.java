package dev.flagstream.evaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.evaluator.access.KeyKind;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation as the API answers it. Client keys see {@code flag}, {@code value} and {@code
 * revision} only: the reason and the version would tell whether a user is on an allowlist and
 * whether a flag exists, and client keys are public.
 *
 * @param reason why, for server keys; absent for client keys
 * @param version the flag's version, 0 for an unknown flag, for server keys; absent for client keys
 * @param revision the store's revision when it was evaluated
 * @param revisionReached whether the changes the request named were reached; absent when it named
 *     none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Result(
    String flag,
    boolean value,
    @Nullable String reason,
    @Nullable Long version,
    long revision,
    @Nullable Boolean revisionReached) {

  static Result of(FlagEvaluation evaluation, long revision, KeyKind caller) {
    boolean full = caller == KeyKind.SERVER;
    return new Result(
        evaluation.flag(),
        evaluation.value(),
        full ? evaluation.reason().name() : null,
        full ? evaluation.version() : null,
        revision,
        null);
  }

  Result withRevisionReached(@Nullable Boolean reached) {
    return new Result(flag, value, reason, version, revision, reached);
  }
}
