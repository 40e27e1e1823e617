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
import java.util.regex.Pattern;

/**
 * The local admin's credentials, made up on the first run and kept beside the data, so that every
 * later run can print them again. For a developer's machine only.
 *
 * @param email the admin user's email, to sign in to the admin service
 * @param password the admin user's password
 * @param token an admin API token ({@code Authorization: Bearer <token>} on the admin service)
 * @param serverKey a server SDK key: the evaluator's API and snapshot, and the admin's snapshot
 * @param clientKey a client SDK key: the evaluator's values and browser streams
 * @param twoFactorKey the admin's key for two-factor secrets, {@code id:base64} of 256 bits ({@code
 *     flags.two-factor.encryption-keys})
 */
public record LocalCredentials(
    String email,
    String password,
    String token,
    String serverKey,
    String clientKey,
    String twoFactorKey) {
  static final String FILE = "credentials.properties";
  // What the admin service accepts as a bootstrap token: fst_ and 256 random bits, base64url.
  private static final Pattern GENERATED_TOKEN = Pattern.compile("fst_[A-Za-z0-9_-]{43,}");

  static LocalCredentials loadOrCreate(Path home) {
    Path file = home.resolve(FILE);
    try {
      Properties stored = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          stored.load(in);
        }
      }
      // Missing values, all on a first run, are made up once and kept. A token from before the
      // admin service required generated-looking tokens is made up again.
      if (!GENERATED_TOKEN.matcher(stored.getProperty("token", "")).matches()) {
        stored.remove("token");
      }
      boolean added = false;
      added |= fill(stored, "email", "admin@flagstream.local");
      added |= fill(stored, "password", random(18));
      added |= fill(stored, "token", "fst_" + random(32));
      added |= fill(stored, "serverKey", "server-" + random(18));
      added |= fill(stored, "clientKey", "client-" + random(18));
      // the AES key of two-factor secrets: kept, or secrets set up in an earlier run are lost
      added |=
          fill(stored, "twoFactorKey", "local:" + Base64.getEncoder().encodeToString(bytes(32)));
      if (added) {
        Files.createDirectories(home);
        try (Writer out = Files.newBufferedWriter(file)) {
          stored.store(
              out, "Flagstream local admin and SDK keys; delete the folder to start afresh");
        }
        restrictToOwner(file);
      }
      return new LocalCredentials(
          stored.getProperty("email"),
          stored.getProperty("password"),
          stored.getProperty("token"),
          stored.getProperty("serverKey"),
          stored.getProperty("clientKey"),
          stored.getProperty("twoFactorKey"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep local credentials in " + file, e);
    }
  }

  private static boolean fill(Properties stored, String name, String value) {
    if (stored.getProperty(name) != null) {
      return false;
    }
    stored.setProperty(name, value);
    return true;
  }

  private static String random(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
  }

  private static byte[] bytes(int count) {
    byte[] value = new byte[count];
    new SecureRandom().nextBytes(value);
    return value;
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the file stays readable as the platform's defaults allow
    }
  }
}
