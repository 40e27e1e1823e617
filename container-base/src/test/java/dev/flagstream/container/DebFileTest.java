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

  @Test
  void read_andForEachFile_takeEveryCompressionDpkgDebWrites_orNone() throws IOException {
    for (List<String> members :
        List.of(
            List.of("control.tar.gz", "data.tar.gz"),
            List.of("control.tar.xz", "data.tar.xz"),
            List.of("control.tar", "data.tar"))) {
      Path file =
          FakeDeb.of("zlib1g", "1", "amd64")
              .members(members.get(0), members.get(1))
              .file("./etc/x", "x\n")
              .writeTo(Files.createDirectories(directory.resolve(members.get(1))));
      DebFile deb = DebFile.read(file);
      assertThat(deb.name()).as(members.toString()).isEqualTo("zlib1g");
      List<String> seen = new ArrayList<>();
      deb.forEachFile(
          (entry, content) ->
              seen.add(
                  entry.getName()
                      + "="
                      + new String(content.readAllBytes(), StandardCharsets.UTF_8)));
      assertThat(seen).as(members.toString()).containsExactly("./etc/x=x\n");
    }
  }

  @Test
  void aMemberCompressedWithZstd_isRefusedByItsName() throws IOException {
    Path control =
        FakeDeb.of("a", "1", "all").members("control.tar.zst", "data.tar.gz").writeTo(directory);
    assertThatThrownBy(() -> DebFile.read(control))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("control.tar.zst is compressed in a way this reader does not know");
    DebFile data =
        DebFile.read(
            FakeDeb.of("b", "1", "all")
                .members("control.tar.gz", "data.tar.zst")
                .writeTo(directory));
    assertThatThrownBy(() -> data.forEachFile((entry, content) -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("data.tar.zst is compressed in a way");
  }

  @Test
  void read_findsTheControlFile_namedWithOrWithoutItsDot() throws IOException {
    for (String name : List.of("./control", "control")) {
      DebFile deb =
          DebFile.read(
              FakeDeb.of("libc6", "2.36", "amd64")
                  .controlFile(name)
                  .writeTo(Files.createDirectories(directory.resolve(name.replace('/', '_')))));
      assertThat(deb.control()).as(name).startsWith("Package: libc6\nVersion: 2.36\n");
    }
  }

  @Test
  void read_refusesAPackageWhoseControlArchiveHasNoControlFile() throws IOException {
    Path file = FakeDeb.of("a", "1", "all").controlFile("./templates").writeTo(directory);
    assertThatThrownBy(() -> DebFile.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Debian package");
  }

  @Test
  void forEachFile_refusesAPackageWithoutData() throws IOException {
    DebFile deb =
        DebFile.read(
            FakeDeb.of("a", "1", "all").members("control.tar.gz", null).writeTo(directory));
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> deb.forEachFile((entry, content) -> seen.add(entry.getName())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("it has no data.tar member");
    assertThat(seen).isEmpty();
  }

  @Test
  void anAbsentControlField_isNamedInTheError_likeABlankOne() throws IOException {
    DebFile deb = DebFile.read(FakeDeb.of("a", "1", null).writeTo(directory));
    assertThat(deb.version()).isEqualTo("1");
    assertThatThrownBy(deb::architecture)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no Architecture field");
  }

  @Test
  void parseFields_ignoresBlankLines_linesWithoutAName_andContinuationsOfNoField() {
    assertThat(
            DebFile.parseFields(
                " orphan continuation\nPackage: a\n\nnot a field\n: no name\nVersion:1\n"))
        .containsExactly(java.util.Map.entry("Package", "a"), java.util.Map.entry("Version", "1"));
  }
}
