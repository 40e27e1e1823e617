package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ReferenceBuckets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CompiledFlagTest {
  private static final UUID LISTED = UUID.fromString("6f1c2a3e-0b7d-4c55-9a1e-2d3f4b5c6d7e");

  @Property(tries = 2_000)
  void evaluatesExactlyAsTheEvaluator(
      @ForAll @StringLength(min = 1, max = 60) String name,
      @ForAll @StringLength(max = 60) String user,
      @ForAll @IntRange(min = 0, max = 100) int rollout,
      @ForAll boolean enabled) {
    Flag flag = Flag.builder(name).enabled(enabled).rolloutPercentage(rollout).build();
    assertThat(CompiledFlag.of(flag).evaluate(user)).isSameAs(FlagEvaluator.evaluate(flag, user));
  }

  @Property(tries = 3_000)
  void isEnabled_isTheValueOfTheEvaluation(
      @ForAll @StringLength(min = 1, max = 60) String name,
      @ForAll("users") @Nullable String user,
      @ForAll @IntRange(min = 0, max = 100) int rollout,
      @ForAll boolean enabled,
      @ForAll boolean listed) {
    List<UUID> allowlist = listed ? List.of(LISTED, UUID.randomUUID()) : List.of();
    Flag flag =
        Flag.builder(name)
            .enabled(enabled)
            .rolloutPercentage(rollout)
            .userAllowlist(allowlist)
            .build();
    CompiledFlag compiled = CompiledFlag.of(flag);
    assertThat(compiled.isEnabled(user)).isEqualTo(compiled.evaluate(user).value());
  }

  @Provide
  Arbitrary<@Nullable String> users() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(null)),
        Tuple.of(1, Arbitraries.just("")),
        Tuple.of(3, Arbitraries.just(LISTED.toString())),
        Tuple.of(5, Arbitraries.create(UUID::randomUUID).map(UUID::toString)),
        Tuple.of(3, Arbitraries.strings().ofMaxLength(60)));
  }

  @Test
  void isEnabled_decidesEveryStepAsTheAlgorithm() {
    String listed = LISTED.toString();
    Flag flag =
        Flag.builder("a").enabled(true).rolloutPercentage(0).userAllowlist(List.of(LISTED)).build();
    CompiledFlag atZero = CompiledFlag.of(flag);
    assertThat(atZero.isEnabled(listed)).as("allowlisted outside the rollout").isTrue();
    assertThat(atZero.isEnabled(UUID.randomUUID().toString())).as("not listed, 0 %").isFalse();
    assertThat(atZero.isEnabled(null)).as("no user").isFalse();
    CompiledFlag full = CompiledFlag.of(flag.toBuilder().rolloutPercentage(100).build());
    assertThat(full.isEnabled(null)).as("full rollout without a user").isTrue();
    assertThat(full.isEnabled("")).as("full rollout, empty id").isTrue();
    CompiledFlag off =
        CompiledFlag.of(flag.toBuilder().enabled(false).rolloutPercentage(100).build());
    assertThat(off.isEnabled(listed)).as("kill switch over the allowlist").isFalse();
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
