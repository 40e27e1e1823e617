package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlagChangeEventTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
  private static final Flag FLAG = Flag.builder("new-checkout").version(3).build();

  @Test
  void upsert_takesNameAndVersionFromTheFlag() {
    FlagChangeEvent event = FlagChangeEvent.upsert(FLAG, 9, AT);
    assertThat(event.schemaVersion()).isEqualTo(FlagChangeEvent.SCHEMA_VERSION).isEqualTo(1);
    assertThat(event.op()).isEqualTo(ChangeOp.UPSERT);
    assertThat(event.name()).isEqualTo("new-checkout");
    assertThat(event.flag()).isEqualTo(FLAG);
    assertThat(event.version()).isEqualTo(3);
    assertThat(event.revision()).isEqualTo(9);
    assertThat(event.changedAt()).isEqualTo(AT);
  }

  @Test
  void delete_carriesNoFlag() {
    FlagChangeEvent event = FlagChangeEvent.delete("new-checkout", 3, 10, AT);
    assertThat(event.op()).isEqualTo(ChangeOp.DELETE);
    assertThat(event.flag()).isNull();
    assertThat(event.version()).isEqualTo(3);
  }

  @Test
  void upsert_mustCarryItsFlag() {
    assertThatThrownBy(() -> new FlagChangeEvent(1, ChangeOp.UPSERT, "a", null, 1, 1, AT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("an UPSERT carries the flag");
  }

  @Test
  void upsert_nameAndVersionMustBeTheFlags() {
    assertThatThrownBy(() -> new FlagChangeEvent(1, ChangeOp.UPSERT, "other", FLAG, 3, 1, AT))
        .hasMessageContaining("other@3 for new-checkout@3");
    assertThatThrownBy(
            () -> new FlagChangeEvent(1, ChangeOp.UPSERT, "new-checkout", FLAG, 4, 1, AT))
        .hasMessageContaining("new-checkout@4 for new-checkout@3");
  }

  @Test
  void delete_mustNotCarryAFlag() {
    assertThatThrownBy(
            () -> new FlagChangeEvent(1, ChangeOp.DELETE, "new-checkout", FLAG, 3, 1, AT))
        .hasMessage("a DELETE carries no flag");
  }

  @Test
  void revision_mustNotBeNegative() {
    assertThatThrownBy(() -> FlagChangeEvent.delete("a", 1, -1, AT))
        .hasMessage("revision must not be negative, got -1");
    assertThat(FlagChangeEvent.delete("a", 1, 0, AT).revision()).isZero();
  }

  @Test
  void requiredFields_areChecked() {
    assertThatThrownBy(() -> new FlagChangeEvent(1, null, "a", null, 1, 1, AT)).hasMessage("op");
    assertThatThrownBy(() -> new FlagChangeEvent(1, ChangeOp.DELETE, null, null, 1, 1, AT))
        .hasMessage("name");
    assertThatThrownBy(() -> new FlagChangeEvent(1, ChangeOp.DELETE, "a", null, 1, 1, null))
        .hasMessage("changedAt");
  }
}
