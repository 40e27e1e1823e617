package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void anyExcept_neverOffersThePortJustTaken() {
    int taken = FreePorts.any();

    for (int i = 0; i < 20; i++) {
      assertThat(FreePorts.anyExcept(taken)).isPositive().isNotEqualTo(taken);
    }
  }
}
