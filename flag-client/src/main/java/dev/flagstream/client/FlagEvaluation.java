package dev.flagstream.client;

import dev.flagstream.contracts.evaluation.Reason;

/**
 * An evaluation with everything a caller may want to log or show.
 *
 * @param flag the flag's name
 * @param value the value to use
 * @param reason why; {@link Reason#FLAG_NOT_FOUND} when the caller's default was used
 * @param bucket the user's bucket when the decision rested on it, else -1
 * @param version the version of the flag evaluated, 0 when none was known
 * @param defaulted whether {@code value} is the caller's default because the flag is unknown
 */
public record FlagEvaluation(
    String flag, boolean value, Reason reason, int bucket, long version, boolean defaulted) {}
