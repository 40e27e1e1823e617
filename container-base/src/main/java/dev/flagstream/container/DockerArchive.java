package dev.flagstream.container;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an image as {@code docker save} does: a tar holding {@code manifest.json}, the image
 * configuration and the layers. {@code docker load} reads it, and so does Jib as a {@code tar://}
 * base image.
 */
final class DockerArchive {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DockerArchive() {}

  /**
   * Writes the archive to {@code output}: one gzip-compressed layer, its configuration (written in
   * the map's order), and {@code tag} as the name it loads under.
   */
  static void write(Path output, Map<String, Object> configuration, Path layer, String tag)
      throws IOException {
    byte[] config = JSON.writeValueAsBytes(configuration);
    String configName = hex(config) + ".json";
    String layerName = "layers/" + DebianPackages.sha256(layer) + ".tar.gz";
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("Config", configName);
    entry.put("RepoTags", List.of(tag));
    entry.put("Layers", List.of(layerName));
    byte[] manifest = JSON.writeValueAsBytes(List.of(entry));
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, "manifest.json", manifest);
      put(tar, configName, config);
      TarArchiveEntry directory = new TarArchiveEntry("layers/");
      directory.setModTime(LayerWriter.GENERATED.toEpochMilli());
      tar.putArchiveEntry(directory);
      tar.closeArchiveEntry();
      TarArchiveEntry layerEntry = new TarArchiveEntry(layerName);
      layerEntry.setSize(Files.size(layer));
      layerEntry.setModTime(LayerWriter.GENERATED.toEpochMilli());
      tar.putArchiveEntry(layerEntry);
      Files.copy(layer, tar);
      tar.closeArchiveEntry();
    }
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setModTime(LayerWriter.GENERATED.toEpochMilli());
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static String hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
