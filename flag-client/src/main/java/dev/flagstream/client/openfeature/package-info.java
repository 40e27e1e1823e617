/** Flagstream for users of the OpenFeature API. */
@NullMarked
package dev.flagstream.client.openfeature;

import org.jspecify.annotations.NullMarked;
