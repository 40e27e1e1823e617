package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlagSlotsTest {
  private final FlagSlots slots = new FlagSlots();

  @Test
  void eachFlag_hasASlotOfItsOwn_theSameEachTime() {
    int a = slots.slotOf("a");
    int b = slots.slotOf("b");
    assertThat(a).isNotEqualTo(b);
    assertThat(slots.slotOf("a")).isEqualTo(a);
    assertThat(slots.existing("b")).isEqualTo(b);
    assertThat(slots.existing("never")).isNull();
    assertThat(slots.size()).isEqualTo(2);
  }

  @Test
  void aReleasedSlot_goesToTheNextNewFlag_soSlotsStayAsManyAsFlags() {
    int a = slots.slotOf("a");
    slots.slotOf("b");
    slots.release("a");
    assertThat(slots.existing("a")).isNull();
    assertThat(slots.slotOf("c")).isEqualTo(a);
    assertThat(slots.slotOf("d")).isEqualTo(2);
    slots.release("unknown"); // nothing to take back
    assertThat(slots.size()).isEqualTo(3);
  }
}
