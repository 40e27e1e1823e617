/** Evaluating flags over HTTP, one or many at a time, and serving the snapshot to SDKs. */
@NullMarked
package dev.flagstream.evaluator.evaluation;

import org.jspecify.annotations.NullMarked;
