package dev.flagstream.e2e.visual;

import java.awt.image.BufferedImage;

/**
 * Per-pixel comparison with pixelmatch's metric: the difference of two colours in the YIQ space,
 * after blending each over white by its alpha, against {@code 35215 × threshold²} (35215 being the
 * largest possible difference). Counts the pixels above it and paints them red on a faded copy of
 * the expected image.
 */
final class PixelDiff {
  private static final double MAX_DELTA = 35215;

  /** How many pixels differ, and where. */
  record Result(int differentPixels, int totalPixels, BufferedImage diff) {
    double ratio() {
      return (double) differentPixels / totalPixels;
    }
  }

  private PixelDiff() {}

  /** Compares two images of the same size; {@code threshold} as pixelmatch's, 0 to 1. */
  static Result compare(BufferedImage expected, BufferedImage actual, double threshold) {
    int width = expected.getWidth();
    int height = expected.getHeight();
    if (actual.getWidth() != width || actual.getHeight() != height) {
      throw new IllegalArgumentException("the images differ in size");
    }
    double limit = MAX_DELTA * threshold * threshold;
    BufferedImage diff = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int different = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = expected.getRGB(x, y);
        int q = actual.getRGB(x, y);
        if (p != q && delta(p, q) > limit) {
          different++;
          diff.setRGB(x, y, 0xff0000);
        } else {
          diff.setRGB(x, y, faded(p));
        }
      }
    }
    return new Result(different, width * height, diff);
  }

  /** pixelmatch's colour difference of two ARGB pixels (squared YIQ distance, weighted). */
  static double delta(int p, int q) {
    double r1 = blend(p >>> 16 & 0xff, p >>> 24);
    double g1 = blend(p >>> 8 & 0xff, p >>> 24);
    double b1 = blend(p & 0xff, p >>> 24);
    double r2 = blend(q >>> 16 & 0xff, q >>> 24);
    double g2 = blend(q >>> 8 & 0xff, q >>> 24);
    double b2 = blend(q & 0xff, q >>> 24);
    double y = luma(r1, g1, b1) - luma(r2, g2, b2);
    double i = inPhase(r1, g1, b1) - inPhase(r2, g2, b2);
    double quadrature = quadrature(r1, g1, b1) - quadrature(r2, g2, b2);
    return 0.5053 * y * y + 0.299 * i * i + 0.1957 * quadrature * quadrature;
  }

  private static double blend(int channel, int alpha) {
    return 255 + (channel - 255) * alpha / 255.0;
  }

  private static double luma(double r, double g, double b) {
    return r * 0.29889531 + g * 0.58662247 + b * 0.11448223;
  }

  private static double inPhase(double r, double g, double b) {
    return r * 0.59597799 - g * 0.2741761 - b * 0.32180189;
  }

  private static double quadrature(double r, double g, double b) {
    return r * 0.21147017 - g * 0.52261711 + b * 0.31114694;
  }

  /** The pixel's grey, lightened, as pixelmatch paints unchanged pixels. */
  private static int faded(int argb) {
    double grey = luma(argb >>> 16 & 0xff, argb >>> 8 & 0xff, argb & 0xff);
    int value = (int) Math.round(255 + (grey - 255) * 0.1);
    return value << 16 | value << 8 | value;
  }
}
