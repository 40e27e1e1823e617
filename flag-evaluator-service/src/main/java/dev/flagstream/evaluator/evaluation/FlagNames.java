package dev.flagstream.evaluator.evaluation;

import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The names of every flag held, in order, each already written as JSON: what a request for every
 * flag lists. Built once and kept until a flag changes, instead of collecting and sorting the
 * store's flags and escaping each name on every request.
 */
final class FlagNames {
  /**
   * One flag's name, and the bytes that open its entry in an answer.
   *
   * @param key {@code "name":}
   * @param evaluation {@code "name":{"flag":"name","value":}
   */
  record Name(String name, byte[] key, byte[] evaluation) {
    static Name of(String name) {
      byte[] quoted = quoted(name);
      byte[] key = concat(quoted, COLON);
      return new Name(name, key, concat(key, OPEN_FLAG, quoted, VALUE));
    }
  }

  private static final byte[] QUOTE = ascii("\"");
  private static final byte[] COLON = ascii(":");
  private static final byte[] OPEN_FLAG = ascii("{\"flag\":");
  private static final byte[] VALUE = ascii(",\"value\":");

  private final FlagClient flags;
  private final AtomicLong changes = new AtomicLong();
  private volatile @Nullable Listing listing;

  private record Listing(long changes, List<Name> names) {}

  FlagNames(FlagClient flags) {
    this.flags = flags;
    flags.onChange(change -> changes.incrementAndGet());
  }

  /** Every flag held, by name. */
  List<Name> all() {
    Listing held = listing;
    long seen = changes.get();
    if (held != null && held.changes() == seen) {
      return held.names();
    }
    // Counted before the flags are read: a change while they are read makes this listing stale
    // at once, so the next request builds it again.
    List<Name> names = new ArrayList<>();
    for (Flag flag : flags.flags()) {
      names.add(Name.of(flag.name()));
    }
    List<Name> built = Collections.unmodifiableList(names);
    listing = new Listing(seen, built);
    return built;
  }

  /** The names a request gave, written as JSON the same way. */
  static List<Name> of(List<String> named) {
    List<Name> names = new ArrayList<>(named.size());
    for (String name : named) {
      names.add(Name.of(name));
    }
    return names;
  }

  static byte[] quoted(String text) {
    return concat(QUOTE, JsonStringEncoder.getInstance().quoteAsUTF8(text), QUOTE);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
