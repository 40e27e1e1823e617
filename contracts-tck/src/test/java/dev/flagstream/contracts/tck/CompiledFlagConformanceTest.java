package dev.flagstream.contracts.tck;

import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flags prepared for a store evaluate exactly as the suite says. The kit asserts every case of the
 * suite against the hooks below; the change-stream cases run on the reference consumer.
 */
class CompiledFlagConformanceTest extends ReferenceConformanceTest {

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    Flag flag = flags.get(flagName);
    return flag == null
        ? super.evaluate(flags, flagName, userId)
        : Outcome.of(CompiledFlag.of(flag).evaluate(userId));
  }
}
