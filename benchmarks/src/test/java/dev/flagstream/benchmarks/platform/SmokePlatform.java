package dev.flagstream.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for the harnesses' smoke runs in a test run, given to any test that takes a {@link
 * HarnessPlatform}: started by the first that asks, stopped when the run ends. Starting one takes
 * longer than a smoke run; each harness names its own flags, so they share it without meeting.
 */
public final class SmokePlatform implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SmokePlatform.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HarnessPlatform.class;
  }

  @Override
  public HarnessPlatform resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store outlives every test class and closes the platform when the run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("platform", key -> start(), HarnessPlatform.class);
  }

  private static HarnessPlatform start() {
    try {
      return HarnessPlatform.start(Path.of("target", "harness-smoke"), Map.of(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
