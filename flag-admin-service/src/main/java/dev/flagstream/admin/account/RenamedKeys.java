package dev.flagstream.admin.account;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops a start that sets the service keys under their former names: ignored, they would lock the
 * evaluators and the scraper out without a word.
 */
@Component
final class RenamedKeys {
  static final Map<String, String> RENAMED =
      Map.of(
          "flags.server-keys", "flags.keys.server (FLAGS_KEYS_SERVER)",
          "flags.metrics-keys", "flags.keys.metrics (FLAGS_KEYS_METRICS)");

  RenamedKeys(Environment environment) {
    refuseFormerNames(Binder.get(environment));
  }

  /**
   * @throws IllegalStateException naming the new key, when a former one is set
   */
  static void refuseFormerNames(Binder settings) {
    RENAMED.forEach(
        (former, now) -> {
          if (settings.bind(former, Bindable.listOf(String.class)).isBound()) {
            throw new IllegalStateException(former + " is now called " + now + "; rename it");
          }
        });
  }
}
