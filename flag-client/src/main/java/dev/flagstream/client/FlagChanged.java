package dev.flagstream.client;

import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A flag the client holds has changed.
 *
 * @param name the flag's name
 * @param previous the flag before, null when it was not known
 * @param current the flag now, null when it was deleted
 * @param committedAt when the change was committed, when it came from the change stream; null when
 *     a snapshot refresh found it
 */
public record FlagChanged(
    String name, @Nullable Flag previous, @Nullable Flag current, @Nullable Instant committedAt) {}
