package dev.flagstream.local.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local admin's credentials, made up on the first run and kept beside the data, so that every
 * later run can print them again. For a developer's machine only.
 */
record LocalCredentials(String email, String password, String token) {
  static final String FILE = "credentials.properties";

  static LocalCredentials loadOrCreate(Path home) {
    Path file = home.resolve(FILE);
    try {
      if (Files.exists(file)) {
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
          stored.load(in);
        }
        return new LocalCredentials(
            stored.getProperty("email"),
            stored.getProperty("password"),
            stored.getProperty("token"));
      }
      LocalCredentials created =
          new LocalCredentials("admin@flagstream.local", random(18), "fst_local-" + random(24));
      Files.createDirectories(home);
      Properties stored = new Properties();
      stored.setProperty("email", created.email());
      stored.setProperty("password", created.password());
      stored.setProperty("token", created.token());
      try (Writer out = Files.newBufferedWriter(file)) {
        stored.store(out, "Flagstream local admin; delete the folder to start afresh");
      }
      restrictToOwner(file);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep local credentials in " + file, e);
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the file stays readable as the platform's defaults allow
    }
  }
}
