package dev.flagstream.e2e.visual;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison behind VisualIT, on a committed page baseline (the sign-in page, desktop, light):
 * the page itself matches, a change of 2 % of its pixels fails naming the actual, expected and diff
 * images, a change of 0.5 % passes, and a missing baseline is created and reported.
 */
class BaselinesTest {
  private static final Path PAGE =
      Path.of(
          System.getProperty("flagstream.visual.baselines", "src/test/resources/visual"),
          "pages",
          "sign-in-light-desktop.png");

  @TempDir Path folder;

  private Baselines baselines() throws IOException {
    Files.createDirectories(folder.resolve("baselines/pages"));
    Files.copy(PAGE, folder.resolve("baselines/pages/sign-in.png"));
    return new Baselines(
        new VisualSettings(
            folder.resolve("baselines"), folder.resolve("out"), false, 0.1, 0.01, Map.of()));
  }

  @Test
  void thePageItself_matches() throws IOException {
    assertThat(baselines().check("pages/sign-in", Files.readAllBytes(PAGE))).isNull();
  }

  @Test
  void aChangeOfTwoPercent_fails_namingTheActualExpectedAndDiffImages() throws IOException {
    String mismatch = baselines().check("pages/sign-in", changed(0.02));

    assertThat(mismatch)
        .contains("pixels differ (ratio 0.02")
        .contains("allowed 0.0100")
        .contains(folder.resolve("out/pages/sign-in-actual.png").toString())
        .contains(folder.resolve("out/pages/sign-in-expected.png").toString())
        .contains(folder.resolve("out/pages/sign-in-diff.png").toString());
    assertThat(folder.resolve("out/pages/sign-in-diff.png")).isRegularFile();
  }

  @Test
  void aChangeOfHalfAPercent_passes() throws IOException {
    assertThat(baselines().check("pages/sign-in", changed(0.005))).isNull();
  }

  @Test
  void aMissingBaseline_isCreatedAndReported() throws IOException {
    Baselines baselines = baselines();

    assertThat(baselines.check("pages/new-page", Files.readAllBytes(PAGE)))
        .contains("no baseline; created");
    assertThat(folder.resolve("baselines/pages/new-page.png")).hasSameBinaryContentAs(PAGE);
    assertThat(baselines.written()).isEqualTo(1);
  }

  /** The page with a block covering {@code share} of its pixels painted in a colour not in it. */
  private static byte[] changed(double share) throws IOException {
    BufferedImage image = ImageIO.read(PAGE.toFile());
    int pixels = (int) Math.round(image.getWidth() * image.getHeight() * share);
    int width = image.getWidth() / 2;
    int height = pixels / width;
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0x00, 0xff, 0x00));
    graphics.fillRect(0, 0, width, height);
    graphics.fillRect(0, height, pixels - width * height, 1);
    graphics.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }
}
