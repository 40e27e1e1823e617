/** The client's machinery; not an API, may change in any release. */
@NullMarked
package dev.flagstream.client.internal;

import org.jspecify.annotations.NullMarked;
