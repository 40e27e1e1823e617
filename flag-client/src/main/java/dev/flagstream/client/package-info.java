/**
 * The Flagstream Java client: {@link dev.flagstream.client.FlagClient} keeps every flag in memory,
 * updated the moment a change is committed, and evaluates them without I/O.
 */
@NullMarked
package dev.flagstream.client;

import org.jspecify.annotations.NullMarked;
