package dev.flagstream.evaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Many evaluations for one user.
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
