/**
 * The one evaluation algorithm: whether a flag is on for a user, and why. The evaluator service,
 * the Java client and the admin preview all call {@link
 * dev.flagstream.contracts.evaluation.FlagEvaluator}.
 */
@NullMarked
package dev.flagstream.contracts.evaluation;

import org.jspecify.annotations.NullMarked;
