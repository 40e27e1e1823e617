package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeOrderTest {

  /** A held state written as {@code <kind> <version>}, or null for {@code null}. */
  static @Nullable HeldState held(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(" ");
    return new HeldState(Long.parseLong(parts[1]), HeldState.Kind.valueOf(parts[0]));
  }

  @ParameterizedTest(name = "held {0}; incoming v{1} {2} -> {3}")
  @CsvSource(
      nullValues = "nothing",
      value = {
        // nothing held: anything applies
        "nothing, 1, UPSERT, true",
        "nothing, 1, DELETE, true",
        // newer versions apply, whatever is held
        "FLAG 1,    2, UPSERT, true",
        "DELETED 1, 2, UPSERT, true",
        "ABSENT 1,  2, UPSERT, true",
        "FLAG 1,    2, DELETE, true",
        "DELETED 1, 2, DELETE, true",
        "ABSENT 1,  2, DELETE, true",
        // older versions never apply
        "FLAG 5,    4, UPSERT, false",
        "FLAG 5,    4, DELETE, false",
        "DELETED 5, 4, UPSERT, false",
        "DELETED 5, 4, DELETE, false",
        "ABSENT 5,  4, UPSERT, false",
        "ABSENT 5,  4, DELETE, false",
        // equal versions: a delete of a held flag applies, and anything lifts an absence
        "FLAG 5,    5, UPSERT, false",
        "FLAG 5,    5, DELETE, true",
        "DELETED 5, 5, UPSERT, false",
        "DELETED 5, 5, DELETE, false",
        "ABSENT 5,  5, UPSERT, true",
        "ABSENT 5,  5, DELETE, true",
      })
  void supersedes_byVersion_thenByWhatIsHeldAndTheOp(
      @Nullable String held, long version, ChangeOp op, boolean expected) {
    assertThat(ChangeOrder.supersedes(held(held), version, op)).isEqualTo(expected);
  }

  @Test
  void heldStates_nameTheirKind_andNeedOne() {
    assertThat(HeldState.flag(3)).isEqualTo(new HeldState(3, HeldState.Kind.FLAG));
    assertThat(HeldState.deleted(3)).isEqualTo(new HeldState(3, HeldState.Kind.DELETED));
    assertThat(HeldState.absent(3)).isEqualTo(new HeldState(3, HeldState.Kind.ABSENT));
    assertThatThrownBy(() -> new HeldState(3, null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "snapshot r{0}, held since r{1} -> {2}")
  @CsvSource({
    // a snapshot without a revision is authoritative
    "-1, -1, true",
    "-1, 7,  true",
    // one with a revision proves only what came strictly before it
    "8,  7,  true",
    "7,  7,  false",
    "6,  7,  false",
    "0,  -1, false",
    "9,  -1, false",
  })
  void snapshotProvesGone_whenAuthoritativeOrStrictlyNewer(
      long snapshotRevision, long receivedRevision, boolean expected) {
    assertThat(ChangeOrder.snapshotProvesGone(snapshotRevision, receivedRevision))
        .isEqualTo(expected);
  }
}
