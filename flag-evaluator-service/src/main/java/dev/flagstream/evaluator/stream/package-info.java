/** Server-Sent Events pushing a user's flag values to browsers as flags change. */
@NullMarked
package dev.flagstream.evaluator.stream;

import org.jspecify.annotations.NullMarked;
