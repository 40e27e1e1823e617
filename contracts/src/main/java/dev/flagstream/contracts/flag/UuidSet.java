package dev.flagstream.contracts.flag;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of UUIDs that answers "is this text one of us?" without allocating: evaluation
 * receives user ids as strings, and parsing each into a {@link UUID} would cost an object per call.
 * Iterates in canonical text order, so serialized flags are byte-for-byte stable.
 */
final class UuidSet extends AbstractSet<UUID> {
  private static final UuidSet EMPTY = new UuidSet(new UUID[0]);
  private static final int CANONICAL_LENGTH = 36;

  private final UUID[] ordered;
  // Open addressing over (most, least) significant halves; a slot is free when both are zero, so
  // the nil UUID, whose halves are zero too, is remembered apart.
  private final long[] slots;
  private final int mask;
  private final boolean containsNil;

  private UuidSet(UUID[] ordered) {
    this.ordered = ordered;
    int capacity = Integer.highestOneBit(Math.max(4, ordered.length * 2 - 1)) << 1;
    this.slots = new long[capacity * 2];
    this.mask = capacity - 1;
    boolean nil = false;
    for (UUID id : ordered) {
      long most = id.getMostSignificantBits();
      long least = id.getLeastSignificantBits();
      if ((most | least) == 0) {
        nil = true;
        continue;
      }
      int slot = indexOf(most, least);
      while (slots[slot * 2] != 0 || slots[slot * 2 + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot * 2] = most;
      slots[slot * 2 + 1] = least;
    }
    this.containsNil = nil;
  }

  static UuidSet copyOf(Collection<UUID> ids) {
    if (ids instanceof UuidSet set) {
      return set;
    }
    if (ids.isEmpty()) {
      return EMPTY;
    }
    UUID[] ordered = ids.stream().distinct().sorted(UuidSet::compareAsText).toArray(UUID[]::new);
    return new UuidSet(ordered);
  }

  /** True when {@code text} is the canonical 36-character form of a member, in any letter case. */
  boolean containsText(CharSequence text) {
    if (ordered.length == 0
        || text.length() != CANONICAL_LENGTH
        || text.charAt(8) != '-'
        || text.charAt(13) != '-'
        || text.charAt(18) != '-'
        || text.charAt(23) != '-') {
      return false;
    }
    long most = 0;
    long least = 0;
    int seen = 0; // any digit's INVALID bit survives the ORs
    for (int j = 0; j < 16; j++) {
      int digit = digitAt(text, DIGIT_POSITIONS[j]);
      most = most << 4 | (digit & 0xf);
      seen |= digit;
    }
    for (int j = 16; j < 32; j++) {
      int digit = digitAt(text, DIGIT_POSITIONS[j]);
      least = least << 4 | (digit & 0xf);
      seen |= digit;
    }
    if ((seen & INVALID) != 0) {
      return false;
    }
    return contains(most, least);
  }

  @Override
  public boolean contains(@Nullable Object o) {
    return o instanceof UUID id
        && contains(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  private boolean contains(long most, long least) {
    if ((most | least) == 0) {
      return containsNil;
    }
    int slot = indexOf(most, least);
    while (true) {
      long slotMost = slots[slot * 2];
      long slotLeast = slots[slot * 2 + 1];
      if (slotMost == most && slotLeast == least) {
        return true;
      }
      if ((slotMost | slotLeast) == 0) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  // Character.digit would also accept non-ASCII digits, which no canonical UUID contains; a table
  // of the ASCII ones is also faster.
  private static final int INVALID = 0x10;
  private static final int[] DIGIT_VALUES = new int[128];
  private static final int[] DIGIT_POSITIONS = new int[32];

  static {
    java.util.Arrays.fill(DIGIT_VALUES, INVALID);
    for (int digit = 0; digit < 16; digit++) {
      DIGIT_VALUES[Character.forDigit(digit, 16)] = digit;
      DIGIT_VALUES[Character.toUpperCase(Character.forDigit(digit, 16))] = digit;
    }
    for (int i = 0, j = 0; i < CANONICAL_LENGTH; i++) {
      if (i != 8 && i != 13 && i != 18 && i != 23) {
        DIGIT_POSITIONS[j++] = i;
      }
    }
  }

  /** The value of the hexadecimal digit at {@code index}, or {@link #INVALID}. */
  private static int digitAt(CharSequence text, int index) {
    char c = text.charAt(index);
    return c < DIGIT_VALUES.length ? DIGIT_VALUES[c] : INVALID;
  }

  private int indexOf(long most, long least) {
    long mixed = (most ^ Long.rotateLeft(least, 32)) * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & mask;
  }

  private static int compareAsText(UUID a, UUID b) {
    int byMost = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return byMost != 0
        ? byMost
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  @Override
  public Iterator<UUID> iterator() {
    return Arrays.asList(ordered).iterator();
  }

  @Override
  public int size() {
    return ordered.length;
  }
}
