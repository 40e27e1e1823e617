package dev.flagstream.admin.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The common passwords shipped in {@value #RESOURCE}: one a line, lines starting with {@code #} are
 * comments. The file says where the list comes from and under which licence.
 */
final class CommonPasswords {
  static final String RESOURCE = "/passwords/common-passwords.txt";

  private CommonPasswords() {}

  static Set<String> shipped() {
    return fromResource(RESOURCE);
  }

  /** The passwords in the class path resource {@code name}; fails when there is none. */
  static Set<String> fromResource(String name) {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> read(InputStream in) throws IOException {
    Set<String> passwords = new HashSet<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String password = line.strip();
      if (!password.isEmpty() && !password.startsWith("#")) {
        passwords.add(password);
      }
    }
    return passwords;
  }
}
