package dev.flagstream.benchmarks.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one flag every SDK evaluates, {@value #FLAG}, on at a 50 % rollout, in each SDK's own file
 * format (the files beside this class), copied to a temporary directory for the SDKs that read
 * files from disk.
 */
final class RolloutFiles {
  static final String FLAG = "metmap-ai-copilot";

  private RolloutFiles() {}

  /** The resource {@code name} copied to a new temporary file. */
  static Path copy(String name) {
    try (InputStream in = RolloutFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Path file = Files.createTempFile("flagstream-peer-", "-" + name);
      file.toFile().deleteOnExit();
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails unless {@code enabledCount} of the shared users is a plausible half: catches a peer that
   * was set up wrongly and evaluates every user to the default.
   */
  static void requireAboutHalf(String sdk, long enabledCount) {
    int users = UserIds.all().length;
    if (enabledCount < users * 0.4 || enabledCount > users * 0.6) {
      throw new IllegalStateException(
          sdk
              + " enabled the flag for "
              + enabledCount
              + " of "
              + users
              + " users, not about half");
    }
  }
}
