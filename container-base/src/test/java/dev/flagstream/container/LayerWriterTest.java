package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class LayerWriterTest {
  private static byte[] layer(LayerWriterTest.Writes writes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LayerWriter writer = new LayerWriter(out)) {
      writes.apply(writer);
    }
    return out.toByteArray();
  }

  interface Writes {
    void apply(LayerWriter writer) throws Exception;
  }

  private static List<TarArchiveEntry> entries(byte[] layer) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(layer)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static TarArchiveEntry packageEntry(String name, byte type) {
    TarArchiveEntry entry = new TarArchiveEntry(name, type);
    entry.setIds(0, 0);
    entry.setMode(0644);
    entry.setModTime(1_700_000_000_000L);
    return entry;
  }

  @Test
  void aDirectoryEveryPackageLists_isWrittenOnce_andPathsLoseTheirLeadingDot() throws Exception {
    byte[] layer =
        layer(
            writer -> {
              writer.copy(packageEntry("./", TarConstants.LF_DIR), InputStreamOf.EMPTY);
              writer.copy(packageEntry("./usr/", TarConstants.LF_DIR), InputStreamOf.EMPTY);
              writer.copy(packageEntry("./usr/", TarConstants.LF_DIR), InputStreamOf.EMPTY);
              writer.directory("/usr", 0700, 5, 5);
            });
    assertThat(entries(layer)).extracting(TarArchiveEntry::getName).containsExactly("usr/");
  }

  @Test
  void aFileTwoPackagesShip_isRefused() throws Exception {
    assertThatThrownBy(
            () ->
                layer(
                    writer -> {
                      writer.file("etc/passwd", 0644, new byte[] {1});
                      writer.file("./etc/passwd", 0644, new byte[] {2});
                    }))
        .hasMessageContaining("etc/passwd is in the layer twice");
  }

  @Test
  void entries_keepModeOwnerAndLinks_andLoseOwnerNames() throws Exception {
    TarArchiveEntry file = packageEntry("./bin/tool", TarConstants.LF_NORMAL);
    file.setMode(0755);
    file.setSize(3);
    file.setIds(7, 8);
    file.setUserName("someone");
    TarArchiveEntry hardlink = packageEntry("./bin/tool2", TarConstants.LF_LINK);
    hardlink.setLinkName("./bin/tool");
    TarArchiveEntry symlink = packageEntry("./bin/alias", TarConstants.LF_SYMLINK);
    symlink.setLinkName("/elsewhere");
    byte[] layer =
        layer(
            writer -> {
              writer.copy(file, new ByteArrayInputStream(new byte[] {1, 2, 3}));
              writer.copy(hardlink, InputStreamOf.EMPTY);
              writer.copy(symlink, InputStreamOf.EMPTY);
              writer.directory("home/nonroot", 0700, 65532, 65532);
              writer.symlink("usr/bin/java", "/opt/java");
            });
    List<TarArchiveEntry> entries = entries(layer);
    assertThat(entries)
        .extracting(
            TarArchiveEntry::getName,
            entry -> entry.getMode() & 07777,
            TarArchiveEntry::getLongUserId,
            TarArchiveEntry::getUserName,
            TarArchiveEntry::getLinkName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bin/tool", 0755, 7L, "", ""),
            org.assertj.core.groups.Tuple.tuple("bin/tool2", 0644, 0L, "", "bin/tool"),
            org.assertj.core.groups.Tuple.tuple("bin/alias", 0644, 0L, "", "/elsewhere"),
            org.assertj.core.groups.Tuple.tuple("home/nonroot/", 0700, 65532L, "", ""),
            org.assertj.core.groups.Tuple.tuple("usr/bin/java", 0777, 0L, "", "/opt/java"));
    assertThat(entries.get(1).isLink()).isTrue();
    assertThat(entries.get(2).isSymbolicLink()).isTrue();
    assertThat(entries.get(3).isDirectory()).isTrue();
  }

  @Test
  void aFileShorterThanItsHeaderSays_isRefused() {
    TarArchiveEntry file = packageEntry("./a", TarConstants.LF_NORMAL);
    file.setSize(5);
    assertThatThrownBy(
            () ->
                layer(
                    writer ->
                        writer.copy(
                            file,
                            new ByteArrayInputStream(new byte[5]) {
                              @Override
                              public synchronized long transferTo(java.io.OutputStream out)
                                  throws IOException {
                                out.write(new byte[2]);
                                return 2;
                              }
                            })))
        .hasMessageContaining("a: 2 bytes, expected 5");
  }

  @Test
  void devicesAreRefused() {
    TarArchiveEntry device = packageEntry("./dev/null", TarConstants.LF_CHR);
    assertThatThrownBy(() -> layer(writer -> writer.copy(device, InputStreamOf.EMPTY)))
        .hasMessageContaining("dev/null");
  }

  @Test
  void finish_givesTheDigestOfTheUncompressedTar_andTheSameEntriesGiveTheSameBytes()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String diffId;
    try (LayerWriter writer = new LayerWriter(out)) {
      writer.file("etc/hostname", 0644, "flagstream\n".getBytes());
      assertThat(writer.contains("/etc/hostname")).isTrue();
      assertThat(writer.contains("etc/hosts")).isFalse();
      diffId = writer.finish();
    }
    byte[] uncompressed =
        new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes();
    assertThat(diffId)
        .isEqualTo(
            "sha256:"
                + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(uncompressed)));
    byte[] again = layer(writer -> writer.file("etc/hostname", 0644, "flagstream\n".getBytes()));
    assertThat(again).isEqualTo(out.toByteArray());
  }

  @Test
  void normalize_stripsLeadingDotsAndSlashes() {
    assertThat(LayerWriter.normalize("./usr/lib/")).isEqualTo("usr/lib/");
    assertThat(LayerWriter.normalize("/etc")).isEqualTo("etc");
    assertThat(LayerWriter.normalize(".")).isEmpty();
    assertThat(LayerWriter.normalize("./")).isEmpty();
  }

  @Test
  void devicesAndFifos_areRefused_whateverTheirKind() {
    for (byte kind : new byte[] {TarConstants.LF_CHR, TarConstants.LF_BLK, TarConstants.LF_FIFO}) {
      TarArchiveEntry special = packageEntry("./dev/special", kind);
      assertThatThrownBy(() -> layer(writer -> writer.copy(special, InputStreamOf.EMPTY)))
          .as("kind %c", kind)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("dev/special: a kind of file images do not need");
    }
  }

  @Test
  void aPackagesDirectoryWithoutTrailingSlash_isWrittenAsADirectory() throws Exception {
    TarArchiveEntry directory = packageEntry("./usr/lib", TarConstants.LF_DIR);
    directory.setMode(040755);
    byte[] layer =
        layer(
            writer -> {
              writer.copy(directory, InputStreamOf.EMPTY);
              assertThat(writer.contains("usr/lib/")).isTrue();
            });
    assertThat(entries(layer))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getName()).isEqualTo("usr/lib/");
              assertThat(entry.isDirectory()).isTrue();
              assertThat(entry.getMode()).isEqualTo(040755);
            });
  }

  @Test
  void aDirectoryNamedWithASlash_isTheSameDirectory_whereverTheSlashesAre() throws Exception {
    byte[] layer =
        layer(
            writer -> {
              writer.directory("opt/", 0755, 0, 0);
              writer.copy(packageEntry("./opt/", TarConstants.LF_DIR), InputStreamOf.EMPTY);
              writer.directory("/opt", 0700, 1, 1);
              assertThat(writer.contains("opt/")).isTrue();
              assertThat(writer.contains("./opt")).isTrue();
            });
    assertThat(entries(layer))
        .extracting(TarArchiveEntry::getName, entry -> entry.getMode() & 07777)
        .containsExactly(Tuple.tuple("opt/", 0755));
  }

  @Test
  void onlyARegularFilesContentIsWritten_linksAndDirectoriesLeaveTheStreamUnread()
      throws Exception {
    TarArchiveEntry symlink = packageEntry("./lib/alias", TarConstants.LF_SYMLINK);
    symlink.setLinkName("real");
    TarArchiveEntry hardlink = packageEntry("./lib/again", TarConstants.LF_LINK);
    hardlink.setLinkName("./lib/real");
    TarArchiveEntry directory = packageEntry("./lib/", TarConstants.LF_DIR);
    List<ByteArrayInputStream> streams = new ArrayList<>();
    byte[] layer =
        layer(
            writer -> {
              for (TarArchiveEntry entry : List.of(directory, symlink, hardlink)) {
                ByteArrayInputStream content = new ByteArrayInputStream(new byte[] {1, 2, 3});
                streams.add(content);
                writer.copy(entry, content);
              }
            });
    assertThat(streams).allSatisfy(stream -> assertThat(stream.available()).isEqualTo(3));
    assertThat(entries(layer)).extracting(TarArchiveEntry::getSize).containsOnly(0L);
  }

  @Test
  void isRegularFile_isTrueForFilesOnly_thoughTheLibraryCountsLinksAsFiles() {
    assertThat(LayerWriter.isRegularFile(packageEntry("f", TarConstants.LF_NORMAL))).isTrue();
    assertThat(LayerWriter.isRegularFile(packageEntry("f", TarConstants.LF_OLDNORM))).isTrue();
    assertThat(LayerWriter.isRegularFile(packageEntry("d/", TarConstants.LF_DIR))).isFalse();
    assertThat(LayerWriter.isRegularFile(packageEntry("s", TarConstants.LF_SYMLINK))).isFalse();
    assertThat(LayerWriter.isRegularFile(packageEntry("h", TarConstants.LF_LINK))).isFalse();
  }

  @Test
  void copiedEntries_keepTheirGroup_andGeneratedOnesBelongToRoot() throws Exception {
    TarArchiveEntry file = packageEntry("./var/log/journal", TarConstants.LF_NORMAL);
    file.setIds(0, 101);
    file.setGroupName("systemd-journal");
    file.setMode(0102755);
    byte[] layer =
        layer(
            writer -> {
              writer.copy(file, InputStreamOf.EMPTY);
              writer.file("usr/bin/tool", 0755, new byte[] {1});
              writer.symlink("usr/bin/alias", "tool");
              writer.directory("home/nonroot", 0700, 65532, 65533);
            });
    assertThat(entries(layer))
        .extracting(
            TarArchiveEntry::getName,
            TarArchiveEntry::getMode,
            TarArchiveEntry::getLongUserId,
            TarArchiveEntry::getLongGroupId,
            TarArchiveEntry::getUserName,
            TarArchiveEntry::getGroupName)
        .containsExactly(
            Tuple.tuple("var/log/journal", 0102755, 0L, 101L, "", ""),
            Tuple.tuple("usr/bin/tool", 0100755, 0L, 0L, "", ""),
            Tuple.tuple("usr/bin/alias", 0120777, 0L, 0L, "", ""),
            Tuple.tuple("home/nonroot/", 040700, 65532L, 65533L, "", ""));
  }

  @Test
  void pathsLongerThanATarHeaderHolds_andIdsLargerThanItHolds_areKept() throws Exception {
    String longPath =
        "usr/lib/jvm/java-17-openjdk-amd64/" + "legal/java.base/".repeat(8) + "LICENSE";
    assertThat(longPath.length()).isGreaterThan(100);
    TarArchiveEntry file = packageEntry("./" + longPath, TarConstants.LF_NORMAL);
    file.setIds(3_000_000, 4_000_000);
    TarArchiveEntry link = packageEntry("./usr/lib/license", TarConstants.LF_SYMLINK);
    link.setLinkName("/" + longPath);
    byte[] layer =
        layer(
            writer -> {
              writer.copy(file, InputStreamOf.EMPTY);
              writer.copy(link, InputStreamOf.EMPTY);
            });
    assertThat(entries(layer))
        .extracting(
            TarArchiveEntry::getName,
            TarArchiveEntry::getLinkName,
            TarArchiveEntry::getLongUserId,
            TarArchiveEntry::getLongGroupId)
        .containsExactly(
            Tuple.tuple(longPath, "", 3_000_000L, 4_000_000L),
            Tuple.tuple("usr/lib/license", "/" + longPath, 0L, 0L));
  }

  @Test
  void theLayer_isTheTarDeflatedAtTheFastestLevel() throws Exception {
    // Text that deflate's levels compress differently, as they do the base layer's files.
    Random random = new Random(12);
    List<String> words = List.of("flag", "stream", "java", "runtime", "debian", "layer", "image");
    StringBuilder text = new StringBuilder();
    while (text.length() < 200_000) {
      text.append(words.get(random.nextInt(words.size()))).append(random.nextInt(1000)).append(' ');
    }
    byte[] layer =
        layer(writer -> writer.file("usr/share/words", 0644, text.toString().getBytes()));
    byte[] tar = new GZIPInputStream(new ByteArrayInputStream(layer)).readAllBytes();
    // gzip: a 10-byte header, the deflate stream, and 8 bytes of checksum and size.
    byte[] deflated = Arrays.copyOfRange(layer, 10, layer.length - 8);
    assertThat(deflated).isEqualTo(deflate(tar, Deflater.BEST_SPEED));
    assertThat(deflate(tar, Deflater.DEFAULT_COMPRESSION)).isNotEqualTo(deflated);
  }

  @Test
  void closingAgain_changesNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerWriter writer = new LayerWriter(out);
    writer.file("etc/hostname", 0644, "flagstream\n".getBytes());
    writer.close();
    byte[] closed = out.toByteArray();
    writer.close();
    assertThat(out.toByteArray()).isEqualTo(closed);
    assertThat(entries(closed))
        .extracting(TarArchiveEntry::getName)
        .containsExactly("etc/hostname");
  }

  @Test
  void normalize_stripsEveryLeadingDotSlashAndSlash_butNoOtherDots() {
    assertThat(LayerWriter.normalize(".//./usr/lib/")).isEqualTo("usr/lib/");
    assertThat(LayerWriter.normalize("/./etc/.hidden")).isEqualTo("etc/.hidden");
    assertThat(LayerWriter.normalize("../etc")).isEqualTo("../etc");
    assertThat(LayerWriter.normalize(".profile")).isEqualTo(".profile");
    assertThat(LayerWriter.normalize("/.")).isEmpty();
  }

  private static byte[] deflate(byte[] input, int level) {
    Deflater deflater = new Deflater(level, true);
    deflater.setInput(input);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  static final class InputStreamOf {
    static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
  }
}
