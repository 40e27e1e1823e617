package dev.flagstream.client.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.client.docs.MarkdownSnippets.Block;
import dev.flagstream.client.docs.MarkdownSnippets.Document;
import dev.flagstream.client.docs.MarkdownSnippets.Marker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Code in the repository's Markdown is code that compiles: every Java code block is marked with the
 * source region it shows, and equals that region character for character. The regions live in test
 * sources, compiled and run with them (see {@link JavaClientSnippets}), so a doc cannot keep code
 * that no longer compiles or does something else. How to mark a block: CONTRIBUTING.md.
 */
class DocSnippetsTest {
  // Surefire runs in the module's folder (and says so in basedir); the repository is its parent.
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize().getParent();
  private static final Set<String> NOT_DOCS = Set.of("target", "node_modules");
  private static final Map<Path, Document> DOCUMENTS = documents();

  @Test
  void theRepository_isFound_withTheDocsThatHoldSnippets() {
    assertThat(ROOT.resolve("docs")).isDirectory();
    assertThat(DOCUMENTS).containsKey(Path.of("docs", "java-client.md"));
  }

  @TestFactory
  Stream<DynamicTest> everyMarkedBlock_equalsTheSourceRegionItsMarkerNames() {
    List<DynamicTest> tests = new ArrayList<>();
    DOCUMENTS.forEach(
        (doc, document) -> {
          for (Block block : document.blocks()) {
            if (block.marker() != null) {
              String name = doc + ":" + block.line() + " " + block.marker().tag();
              tests.add(dynamicTest(name, () -> assertShowsItsRegion(doc, block)));
            }
          }
        });
    assertThat(tests).as("marked code blocks in the docs").isNotEmpty();
    return tests.stream();
  }

  @Test
  void everyJavaBlock_isMarkedWithItsSource() {
    List<String> unmarked = new ArrayList<>();
    DOCUMENTS.forEach(
        (doc, document) ->
            document.blocks().stream()
                .filter(block -> block.language().equals("java") && block.marker() == null)
                .forEach(block -> unmarked.add(doc + ":" + block.line())));

    assertThat(unmarked)
        .as("Java code blocks without a <!-- snippet: path#tag --> line before them")
        .isEmpty();
  }

  @Test
  void everyMarker_standsDirectlyBeforeACodeBlock() {
    List<String> misplaced = new ArrayList<>();
    DOCUMENTS.forEach(
        (doc, document) ->
            document.misplacedMarkers().forEach(line -> misplaced.add(doc + ":" + line)));

    assertThat(misplaced)
        .as("markers not in the form <!-- snippet: path#tag --> on the line before a fence")
        .isEmpty();
  }

  private static void assertShowsItsRegion(Path doc, Block block) throws IOException {
    Marker marker = block.marker();
    Path source = ROOT.resolve(marker.source()).normalize();
    assertThat(source)
        .as("%s:%d names %s, from the repository root", doc, block.line(), marker.source())
        .startsWith(ROOT)
        .isRegularFile();
    String region = MarkdownSnippets.region(Files.readString(source), marker.tag());
    assertThat(block.text())
        .as(
            "the code block at %s:%d must be the region '%s' of %s; paste the expected text",
            doc, block.line(), marker.tag(), marker.source())
        .isEqualTo(region);
  }

  /** Every Markdown file of the repository, by path from its root, outside build output. */
  private static Map<Path, Document> documents() {
    Map<Path, Document> documents = new TreeMap<>();
    try {
      Files.walkFileTree(
          ROOT,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              String name = dir.getFileName().toString();
              boolean skipped =
                  !dir.equals(ROOT) && (name.startsWith(".") || NOT_DOCS.contains(name));
              return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (file.getFileName().toString().endsWith(".md")) {
                documents.put(ROOT.relativize(file), MarkdownSnippets.read(Files.readString(file)));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }
}
