/** Shared by Flagstream's own modules; not an API, may change in any release. */
@NullMarked
package dev.flagstream.contracts.internal;

import org.jspecify.annotations.NullMarked;
