/**
 * All flags at once: what the snapshot endpoints serve, with a digest that tells whether two
 * holders of the same revision hold the same flags.
 */
@NullMarked
package dev.flagstream.contracts.snapshot;

import org.jspecify.annotations.NullMarked;
