package dev.flagstream.container;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The base image's file system: the files of the given Debian packages, less documentation (each
 * package's copyright file stays), then what dpkg's scripts would have made and an image needs: the
 * users, name service settings, Java's trust store built from the CA certificates package, {@code
 * /usr/bin/java}, the health check, and a record of every package for vulnerability scanners
 * ({@code /var/lib/dpkg/status.d/}, where they look in images without dpkg).
 */
final class RootFilesystem {
  /** The user and group the services run as: not root, no login, a home of its own. */
  static final int NONROOT = 65532;

  static final String HOME = "/home/nonroot";
  static final String JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64";
  static final String HEALTH_CHECK_JAR = "/opt/flagstream/healthcheck.jar";
  static final String TRUST_STORE = "/etc/ssl/certs/java/cacerts";

  private static final String CA_CERTIFICATES = "usr/share/ca-certificates/";

  /** What this class writes itself, whatever a package says about the same path. */
  private static final List<String> GENERATED =
      List.of(
          "etc/passwd",
          "etc/group",
          "etc/nsswitch.conf",
          "home/nonroot",
          "tmp",
          "usr/bin/java",
          "etc/ssl/certs/java/cacerts",
          "opt/flagstream/healthcheck.jar");

  private RootFilesystem() {}

  /**
   * Writes the packages' files and the generated ones to {@code layer}; returns each package as
   * {@code name=version}, in order.
   */
  static List<String> write(List<DebFile> packages, byte[] healthCheckJar, LayerWriter layer)
      throws IOException {
    Map<String, byte[]> certificates = new TreeMap<>();
    List<String> versions = new ArrayList<>();
    for (DebFile deb : packages) {
      deb.forEachFile(
          (entry, content) -> {
            String path = LayerWriter.normalize(entry.getName());
            if (!kept(path) || GENERATED.contains(trimSlash(path))) {
              return;
            }
            if (LayerWriter.isRegularFile(entry)
                && path.startsWith(CA_CERTIFICATES)
                && path.endsWith(".crt")) {
              byte[] certificate = content.readAllBytes();
              certificates.put(path, certificate);
              layer.copy(entry, new ByteArrayInputStream(certificate));
            } else {
              layer.copy(entry, content);
            }
          });
      versions.add(deb.name() + "=" + deb.version());
    }
    layer.directory("etc", 0755, 0, 0);
    layer.file("etc/passwd", 0644, passwd().getBytes(StandardCharsets.UTF_8));
    layer.file("etc/group", 0644, group().getBytes(StandardCharsets.UTF_8));
    layer.file("etc/nsswitch.conf", 0644, NSSWITCH.getBytes(StandardCharsets.UTF_8));
    layer.directory("home", 0755, 0, 0);
    layer.directory(HOME, 0700, NONROOT, NONROOT);
    layer.directory("tmp", 01777, 0, 0);
    for (String directory : List.of("etc/ssl", "etc/ssl/certs", "etc/ssl/certs/java")) {
      layer.directory(directory, 0755, 0, 0);
    }
    layer.file(TRUST_STORE, 0644, trustStore(certificates.values()));
    layer.directory("usr/bin", 0755, 0, 0);
    layer.symlink("usr/bin/java", JAVA_HOME + "/bin/java");
    layer.directory("opt", 0755, 0, 0);
    layer.directory("opt/flagstream", 0755, 0, 0);
    layer.file(HEALTH_CHECK_JAR, 0644, healthCheckJar);
    for (String directory : List.of("var", "var/lib", "var/lib/dpkg", "var/lib/dpkg/status.d")) {
      layer.directory(directory, 0755, 0, 0);
    }
    for (DebFile deb : packages) {
      layer.file(
          "var/lib/dpkg/status.d/" + deb.name(),
          0644,
          withStatus(deb.control()).getBytes(StandardCharsets.UTF_8));
    }
    return versions;
  }

  /**
   * Whether a package's file belongs in the image: documentation, manual pages, info files, bug
   * reporting and lintian data and debug symbols do not, except the copyright file of each package,
   * which the licences require.
   */
  static boolean kept(String path) {
    // A directory's trailing slash changes nothing: "x/" starts with "x/", and split drops it.
    for (String dropped :
        List.of(
            "usr/share/man",
            "usr/share/info",
            "usr/share/lintian",
            "usr/share/bug",
            "usr/lib/debug")) {
      if (path.equals(dropped) || path.startsWith(dropped + "/")) {
        return false;
      }
    }
    if (path.startsWith("usr/share/doc/")) {
      String[] parts = path.substring("usr/share/doc/".length()).split("/");
      return parts.length == 1 || (parts.length == 2 && parts[1].equals("copyright"));
    }
    return true;
  }

  static String passwd() {
    return "root:x:0:0:root:/root:/sbin/nologin\n"
        + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"
        + "nonroot:x:"
        + NONROOT
        + ":"
        + NONROOT
        + ":nonroot:"
        + HOME
        + ":/sbin/nologin\n";
  }

  static String group() {
    return "root:x:0:\nnobody:x:65534:\nnonroot:x:" + NONROOT + ":\n";
  }

  private static final String NSSWITCH =
      "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\n"
          + "protocols: files\nservices: files\n";

  /**
   * Java's trust store, as {@code ca-certificates-java} would make it: every certificate, in a PKCS
   * #12 file without integrity password or encryption (nothing in it is secret), so the same
   * certificates give the same bytes.
   */
  static byte[] trustStore(Iterable<byte[]> pemCertificates) throws IOException {
    // The JDK reads these as system properties first; set for this store only.
    String protection = System.getProperty(CERT_PROTECTION);
    String mac = System.getProperty(MAC);
    try {
      System.setProperty(CERT_PROTECTION, "NONE");
      System.setProperty(MAC, "NONE");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      int index = 0;
      for (byte[] pem : pemCertificates) {
        for (Certificate certificate : x509.generateCertificates(new ByteArrayInputStream(pem))) {
          store.setCertificateEntry(String.format("ca-%03d", index++), certificate);
        }
      }
      if (index == 0) {
        throw new IOException("no CA certificates: the package ca-certificates is missing");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, new char[0]);
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build the trust store", e);
    } finally {
      restore(CERT_PROTECTION, protection);
      restore(MAC, mac);
    }
  }

  private static final String CERT_PROTECTION = "keystore.pkcs12.certProtectionAlgorithm";
  private static final String MAC = "keystore.pkcs12.macAlgorithm";

  private static void restore(String property, @Nullable String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A package's control paragraph as dpkg's status file holds it: with its state. */
  static String withStatus(String control) {
    String[] lines = control.split("\n", 2);
    return lines[0] + "\nStatus: install ok installed\n" + (lines.length > 1 ? lines[1] : "");
  }
}
