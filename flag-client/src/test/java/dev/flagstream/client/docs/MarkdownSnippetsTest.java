package dev.flagstream.client.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.client.docs.MarkdownSnippets.Block;
import dev.flagstream.client.docs.MarkdownSnippets.Document;
import dev.flagstream.client.docs.MarkdownSnippets.Marker;
import org.junit.jupiter.api.Test;

class MarkdownSnippetsTest {

  @Test
  void read_markerDirectlyBeforeAFence_marksThatBlock() {
    Document document =
        MarkdownSnippets.read(
            """
            Some text.

            <!-- snippet: a/B.java#start -->
            ```java
            int x = 1;
            ```
            """);

    assertThat(document.blocks())
        .containsExactly(new Block(4, "java", "int x = 1;", new Marker("a/B.java", "start")));
    assertThat(document.misplacedMarkers()).isEmpty();
  }

  @Test
  void read_blockWithoutMarker_isReadUnmarked() {
    Document document = MarkdownSnippets.read("```java\nint x = 1;\n```\n");

    assertThat(document.blocks()).containsExactly(new Block(1, "java", "int x = 1;", null));
  }

  @Test
  void read_markerSeparatedFromItsBlock_isMisplaced() {
    Document document =
        MarkdownSnippets.read("<!-- snippet: a/B.java#start -->\n\n```java\nint x = 1;\n```\n");

    assertThat(document.misplacedMarkers()).containsExactly(1);
    assertThat(document.blocks()).singleElement().extracting(Block::marker).isNull();
  }

  @Test
  void read_markerWithoutATag_isMisplaced() {
    Document document = MarkdownSnippets.read("<!-- snippet: a/B.java -->\n```java\nx();\n```\n");

    assertThat(document.misplacedMarkers()).containsExactly(1);
  }

  @Test
  void read_markerAndFencesInsideALongerFence_areText() {
    Document document =
        MarkdownSnippets.read(
            """
            ````markdown
            <!-- snippet: a/B.java#start -->
            ```java
            x();
            ```
            ````
            """);

    assertThat(document.blocks()).singleElement().extracting(Block::language).isEqualTo("markdown");
    assertThat(document.misplacedMarkers()).isEmpty();
  }

  @Test
  void read_fenceIndentedInAList_losesThatIndentation() {
    Document document = MarkdownSnippets.read("- item\n\n  ```java\n  x();\n    y();\n  ```\n");

    assertThat(document.blocks()).singleElement().extracting(Block::text).isEqualTo("x();\n  y();");
  }

  @Test
  void region_taggedLines_areDedentedWithoutTheTagLines() {
    String source =
        """
        class A {
          void a() {
            // tag::x[]
            int a = 1;
            if (a > 0) {
              a++;
            }
            // end::x[]
          }
        }
        """;

    assertThat(MarkdownSnippets.region(source, "x"))
        .isEqualTo("int a = 1;\nif (a > 0) {\n  a++;\n}");
  }

  @Test
  void region_severalRegionsOfOneTag_areJoinedInOrder_withoutOtherTagsLines() {
    String source =
        """
            // tag::x[]
            first();
            // tag::y[]
            second();
            // end::y[]
            // end::x[]
          // tag::x[]
          third();
          // end::x[]
        """;

    assertThat(MarkdownSnippets.region(source, "x")).isEqualTo("first();\nsecond();\nthird();");
  }

  @Test
  void region_missingTag_isRefused() {
    assertThatThrownBy(() -> MarkdownSnippets.region("// tag::x[]\nx();\n// end::x[]\n", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no region tagged tag::y[]");
  }

  @Test
  void region_neverClosed_isRefused() {
    assertThatThrownBy(() -> MarkdownSnippets.region("// tag::x[]\nx();\n", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never closed");
  }

  @Test
  void region_closedWithoutOpening_isRefused() {
    assertThatThrownBy(() -> MarkdownSnippets.region("x();\n// end::x[]\n", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without tag::x[]");
  }

  @Test
  void region_openedInsideItself_isRefused() {
    assertThatThrownBy(() -> MarkdownSnippets.region("// tag::x[]\n// tag::x[]\n", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("again before end::x[]");
  }
}
