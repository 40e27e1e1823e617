package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.container.fixtures.FakeDeb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebFileTest {
  @TempDir Path directory;

  @Test
  void read_givesTheControlFields_ofGzipAndXzPackages() throws IOException {
    for (FakeDeb fake :
        List.of(
            FakeDeb.of("zlib1g", "1:1.2.13", "amd64"), FakeDeb.of("tzdata", "2026f", "all").xz())) {
      DebFile deb = DebFile.read(fake.file("./etc/x", "x").writeTo(directory));
      assertThat(deb.control()).startsWith("Package: ").endsWith("\n");
      assertThat(List.of(deb.name(), deb.version(), deb.architecture()))
          .isIn(List.of("zlib1g", "1:1.2.13", "amd64"), List.of("tzdata", "2026f", "all"));
    }
  }

  @Test
  void forEachFile_visitsTheDataEntriesInOrder_withTheirContent() throws IOException {
    Path file =
        FakeDeb.of("netbase", "6.4", "all")
            .xz()
            .directory("./etc")
            .file("./etc/services", "http 80/tcp\n")
            .symlink("./etc/alias", "services")
            .writeTo(directory);
    List<String> seen = new ArrayList<>();
    DebFile.read(file)
        .forEachFile(
            (entry, content) ->
                seen.add(
                    entry.getName()
                        + (LayerWriter.isRegularFile(entry)
                            ? "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8)
                            : "")));
    assertThat(seen).containsExactly("./etc/", "./etc/services=http 80/tcp\n", "./etc/alias");
  }

  @Test
  void parseFields_joinsContinuationLines_toTheFieldAbove() {
    assertThat(DebFile.parseFields("Package: a\nDescription: one\n two\n\tthree\nVersion: 1\n"))
        .containsEntry("Package", "a")
        .containsEntry("Description", "one\n two\n\tthree")
        .containsEntry("Version", "1");
  }

  @Test
  void read_refusesAFileThatIsNoDebianPackage() throws IOException {
    Path notADeb = Files.writeString(directory.resolve("x.deb"), "!<arch>\n");
    assertThatThrownBy(() -> DebFile.read(notADeb))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no control.tar");
  }

  @Test
  void aMissingControlField_isNamedInTheError() throws IOException {
    DebFile deb = DebFile.read(FakeDeb.of("a", "1", "all").writeTo(directory));
    assertThat(deb.name()).isEqualTo("a");
    assertThatThrownBy(() -> DebFile.read(FakeDeb.of("", "1", "all").writeTo(directory)).name())
        .hasMessageContaining("Package");
  }
}
