package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueuedValuesTest {
  private final QueuedValues queued = new QueuedValues();

  @Test
  void aSlotNeverGivenAValue_hasNone_whereverItIs() {
    assertThat(queued.get(0)).isNull();
    assertThat(queued.get(1_000)).isNull();
    queued.remove(70); // nothing to remove: no error
    assertThat(queued.get(70)).isNull();
  }

  @Test
  void eachSlot_keepsItsOwnValue_acrossWords() {
    int[] slots = {0, 1, 63, 64, 65, 127, 128, 1_000};
    for (int i = 0; i < slots.length; i++) {
      queued.put(slots[i], i % 2 == 0);
    }
    for (int i = 0; i < slots.length; i++) {
      assertThat(queued.get(slots[i])).as("slot %d", slots[i]).isEqualTo(i % 2 == 0);
    }
    assertThat(queued.get(2)).isNull();
    assertThat(queued.get(129)).isNull();
  }

  @Test
  void aValue_isReplaced_andRemoved_withoutTouchingItsNeighbours() {
    queued.put(64, true);
    queued.put(65, true);
    queued.put(64, false);
    assertThat(queued.get(64)).isFalse();
    queued.put(64, true);
    assertThat(queued.get(64)).isTrue();
    queued.remove(64);
    assertThat(queued.get(64)).isNull();
    assertThat(queued.get(65)).isTrue();
    queued.put(64, false);
    assertThat(queued.get(64)).as("a value put after removal, not the old one").isFalse();
  }
}
