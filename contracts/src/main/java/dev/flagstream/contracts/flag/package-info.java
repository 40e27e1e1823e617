/**
 * The feature flag: its immutable model and the one validation routine every service applies before
 * accepting a flag.
 */
@NullMarked
package dev.flagstream.contracts.flag;

import org.jspecify.annotations.NullMarked;
