package dev.flagstream.evaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Many flags' values for one user, without the per-flag detail of {@link Results}: the shape of
 * {@code POST /api/evaluations/values}'s answer. Like {@link Results}, only the OpenAPI schema and
 * {@code ManyAnswersTest} use it; {@link ManyAnswers} writes the answer itself.
 *
 * @param values each flag's value, by name; an unknown flag is {@code false}
 * @param revisionReached whether the changes the request named were reached; absent when it named
 *     none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Values(
    @Nullable String userId,
    long revision,
    Map<String, Boolean> values,
    @Nullable Boolean revisionReached) {}
