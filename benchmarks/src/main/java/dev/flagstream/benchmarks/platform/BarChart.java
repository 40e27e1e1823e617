package dev.flagstream.benchmarks.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A horizontal bar chart in SVG: one labelled bar per figure, the peers' in grey. */
public final class BarChart {
  private static final int LEFT = 300;
  private static final int WIDTH = 780;
  private static final int ROW = 44;
  private static final int TOP = 50;

  private final String title;
  private final List<String> labels = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Boolean> peers = new ArrayList<>();
  private String note = "";

  public BarChart(String title) {
    this.title = title;
  }

  /** A bar of Flagstream's, {@code text} written at its end. */
  public BarChart bar(String label, double value, String text) {
    return add(label, value, text, false);
  }

  /** A peer's bar, in grey. */
  public BarChart peer(String label, double value, String text) {
    return add(label, value, text, true);
  }

  /** A line under the bars. */
  public BarChart note(String text) {
    this.note = text;
    return this;
  }

  private BarChart add(String label, double value, String text, boolean peer) {
    labels.add(label);
    values.add(Math.max(0, value));
    texts.add(text);
    peers.add(peer);
    return this;
  }

  public String svg() {
    double scale = niceCeiling(values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
    int height = TOP + ROW * values.size() + 40;
    double plot = WIDTH - LEFT - 100;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">%s</text>%n",
            WIDTH,
            height,
            WIDTH / 2,
            escape(title)));
    for (int i = 0; i < values.size(); i++) {
      double y = TOP + i * ROW;
      double w = plot * values.get(i) / scale;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n"
                  + "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"26\" fill=\"%s\"/>%n"
                  + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n",
              LEFT - 8,
              y + 17,
              escape(labels.get(i)),
              LEFT,
              y,
              w,
              peers.get(i) ? "#999999" : "#1f77b4",
              LEFT + w + 6,
              y + 17,
              escape(texts.get(i))));
    }
    if (!note.isEmpty()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n",
              LEFT,
              height - 12,
              escape(note)));
    }
    return svg.append("</svg>\n").toString();
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code value}. */
  public static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (value <= step * magnitude) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
