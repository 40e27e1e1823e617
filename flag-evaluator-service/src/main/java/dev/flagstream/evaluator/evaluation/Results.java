package dev.flagstream.evaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Many evaluations for one user: the shape of {@code POST /api/evaluations}'s answer. No answer is
 * built from it: {@link ManyAnswers} writes the same JSON straight into bytes. It stays as the
 * answer's schema in the OpenAPI document and as what {@code ManyAnswersTest} holds those bytes
 * equal to, as Jackson writes it.
 *
 * @param revisionReached whether the changes the request named were reached; absent when it named
 *     none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Results(
    @Nullable String userId,
    long revision,
    Map<String, Result> values,
    @Nullable Boolean revisionReached) {}
