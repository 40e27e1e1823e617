package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class EvaluationPropertiesTest {

  @Provide
  Arbitrary<String> flagNames() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
        .ofMinLength(1)
        .ofMaxLength(128)
        .filter(name -> Character.isLetterOrDigit(name.charAt(0)));
  }

  @Provide
  Arbitrary<String> userIds() {
    return Arbitraries.oneOf(
        Arbitraries.create(UUID::randomUUID).map(UUID::toString),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(200),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(50));
  }

  @Property
  void bucket_isDeterministicAndWithinRange(
      @ForAll("flagNames") String flag, @ForAll("userIds") String user) {
    int bucket = Bucket.of(flag, user);
    assertThat(bucket).isBetween(0, 99).isEqualTo(Bucket.of(flag, new String(user)));
  }

  @Property
  void raisingTheRollout_neverTurnsAUserOff(
      @ForAll("flagNames") String name,
      @ForAll("userIds") String user,
      @ForAll @IntRange(min = 0, max = 100) int lower,
      @ForAll @IntRange(min = 0, max = 100) int higher) {
    int from = Math.min(lower, higher);
    int to = Math.max(lower, higher);
    boolean before = FlagEvaluator.evaluate(flag(name, from, List.of()), user).value();
    boolean after = FlagEvaluator.evaluate(flag(name, to, List.of()), user).value();
    assertThat(!before || after).as("on at %d %%, so on at %d %%", from, to).isTrue();
  }

  @Property
  void allowlist_beatsAnyRollout(
      @ForAll("flagNames") String name, @ForAll @IntRange(min = 0, max = 100) int rollout) {
    UUID user = UUID.randomUUID();
    Evaluation evaluation =
        FlagEvaluator.evaluate(flag(name, rollout, List.of(user)), user.toString());
    assertThat(evaluation.value()).isTrue();
    assertThat(evaluation.reason()).isEqualTo(Reason.ALLOWLISTED);
  }

  @Property
  void disabled_beatsEverything(
      @ForAll("flagNames") String name,
      @ForAll("userIds") String user,
      @ForAll @IntRange(min = 0, max = 100) int rollout) {
    Flag disabled = flag(name, rollout, List.of()).toBuilder().enabled(false).build();
    assertThat(FlagEvaluator.evaluate(disabled, user).value()).isFalse();
  }

  @Property
  void theValue_isAlwaysTheReasonsValue(
      @ForAll("flagNames") String name,
      @ForAll @StringLength(max = 40) String user,
      @ForAll @IntRange(min = 0, max = 100) int rollout) {
    Evaluation evaluation = FlagEvaluator.evaluate(flag(name, rollout, List.of()), user);
    assertThat(evaluation.value()).isEqualTo(evaluation.reason().value());
  }

  private static Flag flag(String name, int rollout, List<UUID> allowlist) {
    return Flag.builder(name)
        .enabled(true)
        .rolloutPercentage(rollout)
        .userAllowlist(allowlist)
        .build();
  }
}
