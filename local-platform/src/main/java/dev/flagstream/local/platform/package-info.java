/** The whole platform on one machine, for trying it out and for end-to-end tests. */
@NullMarked
package dev.flagstream.local.platform;

import org.jspecify.annotations.NullMarked;
