/** The flags this evaluator holds: a Flagstream client fed by the flag topic. */
@NullMarked
package dev.flagstream.evaluator.store;

import org.jspecify.annotations.NullMarked;
