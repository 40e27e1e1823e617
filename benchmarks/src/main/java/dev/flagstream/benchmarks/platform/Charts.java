package dev.flagstream.benchmarks.platform;

import java.util.List;
import java.util.Locale;

/**
 * The harness's figures as SVG, written by hand (no plotting library): the latency distribution of
 * each consumer, and Flagstream beside the usual designs on a logarithmic scale.
 */
public final class Charts {
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 400;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  private Charts() {}

  /** Cumulative distributions: for each latency, the share of changes that had arrived by then. */
  public static String distribution(String title, List<Distribution> consumers) {
    double max = 1;
    for (Distribution consumer : consumers) {
      if (!consumer.millis().isEmpty()) {
        max = Math.max(max, consumer.percentile(0.995));
      }
    }
    double xMax = niceCeiling(max);
    StringBuilder svg = start(title);
    axes(svg, "latency after the admin's answer (ms)", "changes arrived (%)");
    for (int i = 0; i <= 5; i++) {
      double ms = xMax * i / 5;
      text(svg, x(ms, xMax), HEIGHT - BOTTOM + 18, "middle", format(ms));
      int percent = i * 20;
      text(svg, LEFT - 8, y(percent) + 4, "end", Integer.toString(percent));
    }
    for (int c = 0; c < consumers.size(); c++) {
      Distribution consumer = consumers.get(c);
      StringBuilder points = new StringBuilder();
      List<Double> millis = consumer.millis();
      int total = millis.size() + consumer.lost();
      for (int i = 0; i < millis.size(); i++) {
        double ms = Math.min(millis.get(i), xMax);
        points.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", x(ms, xMax), y(100.0 * (i + 1) / total)));
      }
      String colour = COLOURS[c % COLOURS.length];
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(colour)
          .append("\" points=\"")
          .append(points.toString().strip())
          .append("\"/>\n");
      int legendY = TOP + 20 + c * 18;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
              WIDTH - 300,
              legendY - 10,
              colour));
      text(
          svg,
          WIDTH - 282,
          legendY,
          "start",
          String.format(
              Locale.ROOT,
              "%s: p50 %.1f, p99 %.1f ms",
              consumer.consumer(),
              consumer.percentile(0.5),
              consumer.percentile(0.99)));
    }
    return svg.append("</svg>\n").toString();
  }

  /**
   * Bars on a logarithmic scale of milliseconds: each design's median and 99th percentile.
   *
   * @param designs name, p50 ms, p99 ms
   */
  public static String contrast(String title, List<Object[]> designs) {
    StringBuilder svg = start(title);
    axes(svg, "", "propagation (ms, logarithmic)");
    double decades = 5; // 1 ms to 100 s
    for (int d = 0; d <= decades; d++) {
      double yy = logY(Math.pow(10, d), decades);
      text(svg, LEFT - 8, yy + 4, "end", format(Math.pow(10, d)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
              LEFT,
              WIDTH - RIGHT,
              yy,
              yy));
    }
    double slot = (WIDTH - LEFT - RIGHT) / (double) designs.size();
    for (int i = 0; i < designs.size(); i++) {
      Object[] design = designs.get(i);
      double left = LEFT + i * slot + slot * 0.15;
      bar(svg, left, slot * 0.33, (double) design[1], decades, COLOURS[0]);
      bar(svg, left + slot * 0.37, slot * 0.33, (double) design[2], decades, COLOURS[1]);
      text(svg, LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 18, "middle", (String) design[0]);
    }
    text(svg, WIDTH - 200, TOP + 10, "start", "left bar p50, right bar p99");
    return svg.append("</svg>\n").toString();
  }

  private static void bar(
      StringBuilder svg, double x, double w, double ms, double decades, String colour) {
    double top = logY(Math.max(ms, 1), decades);
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
            x,
            top,
            w,
            HEIGHT - BOTTOM - top,
            colour));
    text(svg, x + w / 2, top - 4, "middle", format(ms) + " ms");
  }

  private static StringBuilder start(String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">%s</text>\n",
            WIDTH / 2,
            escape(title)));
    return svg;
  }

  private static void axes(StringBuilder svg, String xLabel, String yLabel) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#333\"/>\n",
            LEFT,
            TOP,
            HEIGHT - BOTTOM,
            WIDTH - RIGHT));
    text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 18, "middle", xLabel);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
            (TOP + HEIGHT - BOTTOM) / 2,
            escape(yLabel)));
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
            x,
            y,
            anchor,
            escape(text)));
  }

  private static double x(double ms, double xMax) {
    return LEFT + (WIDTH - LEFT - RIGHT) * ms / xMax;
  }

  private static double y(double percent) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * percent / 100;
  }

  private static double logY(double ms, double decades) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * Math.log10(ms) / decades;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  public static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String format(double ms) {
    return ms >= 1000 && ms % 1000 == 0
        ? String.format(Locale.ROOT, "%,.0f", ms)
        : ms >= 100
            ? String.format(Locale.ROOT, "%.0f", ms)
            : String.format(Locale.ROOT, "%.1f", ms);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
