package dev.flagstream.e2e.visual;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Screenshots held against their committed baselines ({@code <baselines>/<name>.png}): a shot
 * matches when at most {@code maxDiffPixelRatio} of its pixels differ beyond the per-pixel
 * threshold. A mismatch writes {@code <name>-actual.png}, {@code -expected.png} and {@code
 * -diff.png} under {@code target/visual/} and says where; a missing baseline is written from the
 * shot and reported as such; with {@code visual.update} every baseline is written anew.
 */
final class Baselines {
  private final VisualSettings settings;
  private int written;

  Baselines(VisualSettings settings) {
    this.settings = settings;
  }

  /** Null when {@code png} matches baseline {@code name}; else why not, naming the files. */
  @Nullable String check(String name, byte[] png) {
    Path baseline = settings.baselines().resolve(name + ".png");
    try {
      if (settings.update()) {
        write(baseline, png);
        return null;
      }
      if (!Files.exists(baseline)) {
        write(baseline, png);
        return name
            + ": no baseline; created "
            + baseline
            + " from this run: look at it, commit it, and run again";
      }
      BufferedImage expected = ImageIO.read(baseline.toFile());
      BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
      if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
        Path actualFile = keep(name, "actual", png);
        return String.format(
            Locale.ROOT,
            "%s: %d×%d, baseline %d×%d; actual %s",
            name,
            actual.getWidth(),
            actual.getHeight(),
            expected.getWidth(),
            expected.getHeight(),
            actualFile.toAbsolutePath());
      }
      PixelDiff.Result result = PixelDiff.compare(expected, actual, settings.threshold());
      if (result.ratio() <= settings.maxDiffPixelRatio()) {
        return null;
      }
      Path actualFile = keep(name, "actual", png);
      Path expectedFile = keep(name, "expected", Files.readAllBytes(baseline));
      Path diffFile = settings.output().resolve(name + "-diff.png");
      ImageIO.write(result.diff(), "png", diffFile.toFile());
      return String.format(
          Locale.ROOT,
          "%s: %d pixels differ (ratio %.4f, allowed %.4f); actual %s, expected %s, diff %s",
          name,
          result.differentPixels(),
          result.ratio(),
          settings.maxDiffPixelRatio(),
          actualFile.toAbsolutePath(),
          expectedFile.toAbsolutePath(),
          diffFile.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many baselines this run wrote, created or updated. */
  int written() {
    return written;
  }

  private void write(Path baseline, byte[] png) throws IOException {
    Files.createDirectories(baseline.getParent());
    Files.write(baseline, png);
    written++;
  }

  private Path keep(String name, String kind, byte[] png) throws IOException {
    Path file = settings.output().resolve(name + "-" + kind + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, png);
    return file;
  }
}
