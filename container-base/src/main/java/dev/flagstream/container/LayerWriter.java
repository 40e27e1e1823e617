package dev.flagstream.container;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Writes one image layer: a gzip-compressed tar whose entries are written in the order they are
 * added, each path once. A directory added again is skipped (every package lists {@code usr/});
 * anything else added twice is refused, as dpkg refuses two packages shipping one file. Paths are
 * relative to the image's root, without a leading {@code ./} or {@code /}.
 *
 * <p>The same entries give the same bytes: gzip without a timestamp, entries owned by numeric ids
 * without names, generated entries dated {@link #GENERATED}. Not thread-safe.
 */
final class LayerWriter implements Closeable {
  /** The time of every entry this build writes itself rather than copies from a package. */
  static final Instant GENERATED = Instant.EPOCH;

  private final TarArchiveOutputStream tar;
  private final MessageDigest diff;
  private final Set<String> written = new HashSet<>();

  LayerWriter(OutputStream target) throws IOException {
    try {
      this.diff = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    OutputStream gzip = new FastGzip(new BufferedOutputStream(target, 1 << 16));
    this.tar = new TarArchiveOutputStream(new DigestOutputStream(gzip, diff));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Whether an entry with this path (a directory without its trailing slash) was written. */
  boolean contains(String path) {
    return written.contains(trimSlash(normalize(path)));
  }

  /**
   * Copies an entry of a package under its own path, ownership, mode and time; {@code content} is
   * read for regular files only.
   */
  void copy(TarArchiveEntry source, InputStream content) throws IOException {
    String path = normalize(source.getName());
    if (path.isEmpty()) {
      return;
    }
    if (source.isCharacterDevice() || source.isBlockDevice() || source.isFIFO()) {
      throw new IOException(path + ": a kind of file images do not need (device, fifo)");
    }
    TarArchiveEntry entry;
    if (source.isSymbolicLink()) {
      entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
      entry.setLinkName(source.getLinkName());
    } else if (source.isLink()) {
      entry = new TarArchiveEntry(path, TarConstants.LF_LINK);
      entry.setLinkName(normalize(source.getLinkName()));
    } else if (source.isDirectory()) {
      entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
    } else {
      entry = new TarArchiveEntry(path);
      entry.setSize(source.getSize());
    }
    entry.setMode(source.getMode());
    entry.setUserId(source.getLongUserId());
    entry.setGroupId(source.getLongGroupId());
    entry.setModTime(source.getModTime());
    put(entry, isRegularFile(source) ? content : null);
  }

  /** Adds a directory owned by {@code uid}:{@code gid}, unless it is already there. */
  void directory(String path, int mode, int uid, int gid) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(trimSlash(normalize(path)) + "/");
    entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    entry.setIds(uid, gid);
    entry.setModTime(GENERATED.toEpochMilli());
    put(entry, null);
  }

  /** Adds a regular file owned by root. */
  void file(String path, int mode, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(normalize(path));
    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
    entry.setSize(content.length);
    entry.setModTime(GENERATED.toEpochMilli());
    put(entry, new ByteArrayInputStream(content));
  }

  /** Adds a symbolic link owned by root. */
  void symlink(String path, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(normalize(path), TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    entry.setMode(0120777);
    entry.setModTime(GENERATED.toEpochMilli());
    put(entry, null);
  }

  /**
   * Writes an entry made here: a new entry belongs to 0:0 without owner names until its ids are
   * set, and a package's owner names are never copied.
   */
  private void put(TarArchiveEntry entry, @Nullable InputStream content) throws IOException {
    String key = trimSlash(entry.getName());
    if (!written.add(key)) {
      if (entry.isDirectory()) {
        return;
      }
      throw new IOException(key + " is in the layer twice: two packages ship it");
    }
    tar.putArchiveEntry(entry);
    if (content != null) {
      long copied = content.transferTo(tar);
      if (copied != entry.getSize()) {
        throw new IOException(key + ": " + copied + " bytes, expected " + entry.getSize());
      }
    }
    tar.closeArchiveEntry();
  }

  /**
   * Finishes the layer and returns its diff id: {@code sha256:} and the digest of the uncompressed
   * tar, as an image configuration lists it.
   */
  String finish() throws IOException {
    close();
    return "sha256:" + HexFormat.of().formatHex(diff.digest());
  }

  /** Finishes the layer; closing it again does nothing. */
  @Override
  public void close() throws IOException {
    tar.close();
  }

  /** Whether an entry is a regular file: commons-compress counts links as files too. */
  static boolean isRegularFile(TarArchiveEntry entry) {
    return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink();
  }

  /**
   * gzip at deflate's fastest level: the base layer is about 200 MB, written in every build, and
   * the default level takes half as long again (measured: 15 s against 22 s) for a tenth less (70
   * MB against 78 MB).
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** A path without its leading {@code ./} and {@code /}s; the root itself is empty. */
  static String normalize(String name) {
    String path = LEADING.matcher(name).replaceFirst("");
    return path.equals(".") ? "" : path;
  }

  private static final Pattern LEADING = Pattern.compile("^(\\./|/)+");

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
