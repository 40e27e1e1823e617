package dev.flagstream.contracts.spec;

import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ConformanceSpec.Outcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flags prepared for a store evaluate exactly as the suite says. The kit asserts every case of the
 * suite against the hooks below.
 */
class CompiledFlagConformanceTest extends ReferenceConformanceTest {

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    Flag flag = flags.get(flagName);
    return flag == null
        ? super.evaluate(flags, flagName, userId)
        : outcome(CompiledFlag.of(flag).evaluate(userId));
  }

  @Override
  protected int bucket(String flagName, String userId) {
    return CompiledFlag.of(Flag.builder(flagName).build()).bucket(userId);
  }
}
