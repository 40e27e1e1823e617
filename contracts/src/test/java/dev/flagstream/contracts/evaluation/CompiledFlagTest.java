package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ReferenceBuckets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CompiledFlagTest {

  @Property(tries = 2_000)
  void evaluatesExactlyAsTheEvaluator(
      @ForAll @StringLength(min = 1, max = 60) String name,
      @ForAll @StringLength(max = 60) String user,
      @ForAll @IntRange(min = 0, max = 100) int rollout,
      @ForAll boolean enabled) {
    Flag flag = Flag.builder(name).enabled(enabled).rolloutPercentage(rollout).build();
    assertThat(CompiledFlag.of(flag).evaluate(user)).isSameAs(FlagEvaluator.evaluate(flag, user));
  }

  @Property(tries = 2_000)
  void bucket_isTheReferenceBucket(
      @ForAll @StringLength(max = 60) String name, @ForAll @StringLength(max = 80) String user) {
    assertThat(CompiledFlag.of(Flag.builder(name).build()).bucket(user))
        .isEqualTo(ReferenceBuckets.bucket(name, user));
  }

  @Test
  void allowlistAndKillSwitch_applyAsInTheEvaluator() {
    UUID listed = UUID.randomUUID();
    Flag flag =
        Flag.builder("a").enabled(true).rolloutPercentage(0).userAllowlist(List.of(listed)).build();
    assertThat(CompiledFlag.of(flag).evaluate(listed.toString()).reason())
        .isEqualTo(Reason.ALLOWLISTED);
    assertThat(CompiledFlag.of(flag).evaluate(null).reason()).isEqualTo(Reason.NO_USER);
    Flag off = flag.toBuilder().enabled(false).build();
    assertThat(CompiledFlag.of(off).evaluate(listed.toString()).reason())
        .isEqualTo(Reason.DISABLED);
  }

  @Test
  void keepsTheFlag_andNamesItInToString() {
    Flag flag = Flag.builder("checkout").version(4).build();
    CompiledFlag compiled = CompiledFlag.of(flag);
    assertThat(compiled.flag()).isSameAs(flag);
    assertThat(compiled).hasToString("CompiledFlag[checkout@4]");
    assertThatThrownBy(() -> CompiledFlag.of(null)).hasMessage("flag");
  }
}
