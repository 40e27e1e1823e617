package dev.flagstream.client.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two halves of a checked snippet: the fenced code blocks of a Markdown document, each
 * with the marker that may stand on the line just before it, and the tagged regions of a source
 * file that such a marker names.
 *
 * <p>A marker is an HTML comment, invisible once rendered, naming a file by its path from the
 * repository root and a tag in it: {@code <!-- snippet: flag-client/src/test/java/.../X.java#tag
 * -->}. In the file, the region lies between a line holding {@code tag::tag[]} and one holding
 * {@code end::tag[]}, in whatever comment the language has. A tag may mark several regions; they
 * are joined in order. Each region loses the indentation its lines share, and the lines of other
 * tags inside it are left out.
 */
final class MarkdownSnippets {
  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*([^#\\s]+)#([A-Za-z0-9._-]+)\\s*-->\\s*$");
  private static final Pattern MARKER_LIKE = Pattern.compile("^\\s*<!--\\s*snippet:");
  private static final Pattern OPENING_FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*(.*)$");
  private static final Pattern TAG_LINE = Pattern.compile("(?:tag|end)::[A-Za-z0-9._-]+\\[\\]");

  private MarkdownSnippets() {}

  /** Where a marked block's text comes from. */
  record Marker(String source, String tag) {}

  /**
   * A fenced code block.
   *
   * @param line the line of its opening fence, counted from 1
   * @param language the first word of the fence's info string, empty when none
   * @param text its content, lines joined by {@code \n}, without the fences
   * @param marker the marker on the line before the opening fence, or null
   */
  record Block(int line, String language, String text, @Nullable Marker marker) {}

  /**
   * A Markdown document as far as snippets go.
   *
   * @param blocks its fenced code blocks, in order
   * @param misplacedMarkers the lines (from 1) of markers that stand nowhere a marker may: not
   *     directly before an opening fence, or not in the marker's form
   */
  record Document(List<Block> blocks, List<Integer> misplacedMarkers) {}

  /** Reads the code blocks and markers of {@code markdown}; text inside a block is only text. */
  static Document read(String markdown) {
    List<String> lines = lines(markdown);
    List<Block> blocks = new ArrayList<>();
    List<Integer> misplaced = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher fence = OPENING_FENCE.matcher(line);
      if (fence.matches() && opens(fence)) {
        int end = closingFence(lines, i, fence);
        Marker marker = i > 0 ? marker(lines.get(i - 1)) : null;
        blocks.add(
            new Block(
                i + 1,
                fence.group(3).strip().split("\\s+", 2)[0],
                content(lines.subList(i + 1, end), fence.group(1).length()),
                marker));
        i = end + 1;
        continue;
      }
      if (MARKER_LIKE.matcher(line).find()) {
        boolean beforeFence =
            i + 1 < lines.size() && OPENING_FENCE.matcher(lines.get(i + 1)).matches();
        if (marker(line) == null || !beforeFence) {
          misplaced.add(i + 1);
        }
      }
      i++;
    }
    return new Document(List.copyOf(blocks), List.copyOf(misplaced));
  }

  /**
   * The text of every region tagged {@code tag} in {@code source}, joined in order.
   *
   * @throws IllegalArgumentException when the file has no such region, or one that opens and never
   *     closes, closes without opening, or opens inside itself
   */
  static String region(String source, String tag) {
    String open = "tag::" + tag + "[]";
    String close = "end::" + tag + "[]";
    List<String> joined = new ArrayList<>();
    List<String> current = null;
    int regions = 0;
    List<String> lines = lines(source);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains(open)) {
        if (current != null) {
          throw new IllegalArgumentException(open + " again before " + close + ", line " + (i + 1));
        }
        current = new ArrayList<>();
      } else if (line.contains(close)) {
        if (current == null) {
          throw new IllegalArgumentException(close + " without " + open + ", line " + (i + 1));
        }
        joined.addAll(dedented(current));
        current = null;
        regions++;
      } else if (current != null && !TAG_LINE.matcher(line).find()) {
        current.add(line);
      }
    }
    if (current != null) {
      throw new IllegalArgumentException(open + " is never closed by " + close);
    }
    if (regions == 0) {
      throw new IllegalArgumentException("no region tagged " + open);
    }
    return String.join("\n", joined);
  }

  private static List<String> lines(String text) {
    return List.of(text.replace("\r\n", "\n").split("\n", -1));
  }

  private static boolean opens(Matcher fence) {
    // A backtick fence's info string cannot hold a backtick (CommonMark).
    return !(fence.group(2).charAt(0) == '`' && fence.group(3).contains("`"));
  }

  private static int closingFence(List<String> lines, int opening, Matcher fence) {
    char mark = fence.group(2).charAt(0);
    int length = fence.group(2).length();
    Pattern closing =
        Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(mark)) + "{" + length + ",}\\s*$");
    for (int i = opening + 1; i < lines.size(); i++) {
      if (closing.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return lines.size(); // an unclosed block runs to the end of the document
  }

  private static String content(List<String> lines, int fenceIndent) {
    List<String> content = new ArrayList<>();
    for (String line : lines) {
      int strip = 0;
      while (strip < fenceIndent && strip < line.length() && line.charAt(strip) == ' ') {
        strip++;
      }
      content.add(line.substring(strip));
    }
    return String.join("\n", content);
  }

  private static @Nullable Marker marker(String line) {
    Matcher matcher = MARKER.matcher(line);
    return matcher.matches() ? new Marker(matcher.group(1), matcher.group(2)) : null;
  }

  private static List<String> dedented(List<String> lines) {
    int shared =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(line -> line.isBlank() ? "" : line.substring(shared).stripTrailing())
        .toList();
  }
}
