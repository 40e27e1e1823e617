/**
 * The Flagstream Java client: {@link dev.flagstream.client.FlagClient} keeps every flag in memory,
 * updated the moment a change is committed, and evaluates them without I/O. Start one with {@link
 * dev.flagstream.client.FlagClient#builder()}.
 *
 * <p>The public types of this package are the API. The rest of the package is the client's
 * machinery, package-private so that no one comes to depend on it: the store, the topic reader, the
 * snapshot refresh and the status tracking.
 */
@NullMarked
package dev.flagstream.client;

import org.jspecify.annotations.NullMarked;
