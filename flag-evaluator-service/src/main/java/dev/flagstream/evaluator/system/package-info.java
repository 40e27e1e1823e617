/** Health and problem responses. */
@NullMarked
package dev.flagstream.evaluator.system;

import org.jspecify.annotations.NullMarked;
