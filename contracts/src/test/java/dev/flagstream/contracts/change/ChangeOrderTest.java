package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeOrderTest {

  @ParameterizedTest(name = "held={0} v{1} deleted={2}; incoming v{3} delete={4} -> {5}")
  @CsvSource({
    // nothing held: anything applies
    "false, 0, false, 1, false, true",
    "false, 0, false, 1, true,  true",
    // newer versions apply, whatever is held
    "true,  1, false, 2, false, true",
    "true,  1, true,  2, false, true",
    "true,  1, false, 2, true,  true",
    "true,  1, true,  2, true,  true",
    // older versions never apply
    "true,  5, false, 4, false, false",
    "true,  5, false, 4, true,  false",
    "true,  5, true,  4, false, false",
    "true,  5, true,  4, true,  false",
    // equal versions: only a delete of a held flag applies
    "true,  5, false, 5, false, false",
    "true,  5, false, 5, true,  true",
    "true,  5, true,  5, false, false",
    "true,  5, true,  5, true,  false",
  })
  void supersedes(
      boolean held,
      long heldVersion,
      boolean heldDeleted,
      long version,
      boolean delete,
      boolean expected) {
    assertThat(ChangeOrder.supersedes(held, heldVersion, heldDeleted, version, delete))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "absent at v{0}; incoming v{1} -> {2}")
  @CsvSource({"5, 4, false", "5, 5, true", "5, 6, true"})
  void supersedesAbsence_byTheRemovedVersionOrALaterOne(
      long absentVersion, long version, boolean expected) {
    assertThat(ChangeOrder.supersedesAbsence(absentVersion, version)).isEqualTo(expected);
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
