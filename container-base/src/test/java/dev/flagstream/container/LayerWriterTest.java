package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
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

  static final class InputStreamOf {
    static final ByteArrayInputStream EMPTY = new ByteArrayInputStream(new byte[0]);
  }
}
