/**
 * Flag changes as they travel on the compacted topic: the versioned change event, its JSON form,
 * and the rules by which every consumer applies a stream of them.
 */
@NullMarked
package dev.flagstream.contracts.change;

import org.jspecify.annotations.NullMarked;
