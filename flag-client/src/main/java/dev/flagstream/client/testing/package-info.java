/** For users' tests: a client whose flags the test sets. */
@NullMarked
package dev.flagstream.client.testing;

import org.jspecify.annotations.NullMarked;
