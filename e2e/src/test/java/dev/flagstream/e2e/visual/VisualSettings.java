package dev.flagstream.e2e.visual;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The visual suite's settings, from {@code visual.properties} beside the baselines: the per-pixel
 * threshold, the share of pixels allowed to differ, the viewports; and from system properties,
 * where the baselines are ({@code flagstream.visual.baselines}) and whether to write them anew
 * ({@code visual.update}).
 *
 * @param baselines the folder of baseline PNGs, in the sources (they are committed)
 * @param output where actual and diff images of a failed comparison go
 * @param update true to write every baseline from this run instead of comparing
 * @param threshold pixelmatch's per-pixel colour threshold
 * @param maxDiffPixelRatio the share of a shot's pixels that may differ
 * @param viewports name to width and height, in the order the shots are taken
 */
record VisualSettings(
    Path baselines,
    Path output,
    boolean update,
    double threshold,
    double maxDiffPixelRatio,
    Map<String, int[]> viewports) {

  static VisualSettings load() {
    Path baselines =
        Path.of(System.getProperty("flagstream.visual.baselines", "src/test/resources/visual"));
    Properties file = new Properties();
    try (Reader in = Files.newBufferedReader(baselines.resolve("visual.properties"))) {
      file.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, int[]> viewports = new LinkedHashMap<>();
    for (String name : new String[] {"desktop", "tablet", "mobile"}) {
      String[] size = file.getProperty("viewport." + name).split("x");
      viewports.put(name, new int[] {Integer.parseInt(size[0]), Integer.parseInt(size[1])});
    }
    return new VisualSettings(
        baselines,
        Path.of("target", "visual"),
        Boolean.getBoolean("visual.update"),
        Double.parseDouble(file.getProperty("threshold")),
        Double.parseDouble(file.getProperty("max-diff-pixel-ratio")),
        viewports);
  }
}
