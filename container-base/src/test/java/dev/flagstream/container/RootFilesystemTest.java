package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.container.fixtures.FakeDeb;
import dev.flagstream.container.fixtures.FakeSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootFilesystemTest {
  @TempDir Path directory;

  @Test
  void documentationIsLeftOut_butEachPackagesCopyrightStays() {
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/copyright")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libstdc++6")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/changelog.Debian.gz")).isFalse();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/examples/")).isFalse();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/examples/copyright")).isFalse();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/copyright/notes")).isFalse();
  }

  @Test
  void manualsInfoLintianBugAndDebugFilesAreLeftOut_everythingElseStays() {
    for (String dropped :
        List.of(
            "usr/share/man/",
            "usr/share/man",
            "usr/share/man/man1/java.1.gz",
            "usr/share/info/dir",
            "usr/share/lintian/overrides/libc6",
            "usr/share/bug/libc6",
            "usr/lib/debug/.build-id/")) {
      assertThat(RootFilesystem.kept(dropped)).as(dropped).isFalse();
    }
    for (String kept :
        List.of(
            "usr/share/manual-of-something",
            "usr/lib/jvm/java-17-openjdk-amd64/lib/modules",
            "etc/ssl/certs/",
            "usr/share/zoneinfo/UTC")) {
      assertThat(RootFilesystem.kept(kept)).as(kept).isTrue();
    }
  }

  @Test
  void theUsers_areRootNobodyAndNonroot_whoCannotLogIn() {
    assertThat(RootFilesystem.passwd().lines())
        .containsExactly(
            "root:x:0:0:root:/root:/sbin/nologin",
            "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin",
            "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
    assertThat(RootFilesystem.group().lines())
        .containsExactly("root:x:0:", "nobody:x:65534:", "nonroot:x:65532:");
  }

  @Test
  void theTrustStore_holdsEveryCertificate_andOpensWithoutAPassword() throws Exception {
    byte[] pem = FakeSystem.certificate();
    byte[] store = RootFilesystem.trustStore(List.of(pem, pem));
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(new ByteArrayInputStream(store), null);
    assertThat(keyStore.size()).isEqualTo(2);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    X509TrustManager manager = (X509TrustManager) trust.getTrustManagers()[0];
    assertThat(
            Arrays.stream(manager.getAcceptedIssuers())
                .map(X509Certificate::getSubjectX500Principal))
        .allSatisfy(subject -> assertThat(subject.getName()).contains("ISRG Root X1"));
    assertThat(RootFilesystem.trustStore(List.of(pem, pem))).isEqualTo(store);
    assertThat(System.getProperty("keystore.pkcs12.macAlgorithm")).isNull();
  }

  @Test
  void aTrustStoreWithoutCertificates_isRefused() {
    assertThatThrownBy(() -> RootFilesystem.trustStore(List.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ca-certificates");
  }

  @Test
  void theStatusRecord_isTheControlParagraph_markedInstalled() {
    assertThat(RootFilesystem.withStatus("Package: zlib1g\nVersion: 1\n"))
        .isEqualTo("Package: zlib1g\nStatus: install ok installed\nVersion: 1\n");
    assertThat(RootFilesystem.withStatus("Package: zlib1g"))
        .isEqualTo("Package: zlib1g\nStatus: install ok installed\n");
  }

  @Test
  void write_putsEveryDirectoryBeforeWhatItHolds_generatedOnesOwnedByRoot() throws IOException {
    // One package with its own directories only: everything else the image needs is generated.
    Map<String, TarArchiveEntry> entries =
        written(
            FakeDeb.of("ca-certificates", "20250419", "all")
                .directory("./usr")
                .directory("./usr/share")
                .directory("./usr/share/ca-certificates")
                .file("./usr/share/ca-certificates/ISRG_Root_X1.crt", 0644, certificate()));
    for (String path : entries.keySet()) {
      int slash = path.substring(0, path.length() - 1).lastIndexOf('/');
      if (slash > 0) {
        String parent = path.substring(0, slash + 1);
        assertThat(List.copyOf(entries.keySet()))
            .as("the parent of " + path)
            .contains(parent)
            .containsSubsequence(parent, path);
      }
    }
    Map<String, String> generated = new LinkedHashMap<>();
    entries.forEach(
        (path, entry) -> {
          if (entry.isDirectory() && !path.equals("usr/") && !path.startsWith("usr/share")) {
            generated.put(
                path,
                Integer.toOctalString(entry.getMode())
                    + " "
                    + entry.getLongUserId()
                    + ":"
                    + entry.getLongGroupId());
          }
        });
    assertThat(generated)
        .containsExactly(
            Map.entry("etc/", "40755 0:0"),
            Map.entry("home/", "40755 0:0"),
            Map.entry("home/nonroot/", "40700 65532:65532"),
            Map.entry("tmp/", "41777 0:0"),
            Map.entry("etc/ssl/", "40755 0:0"),
            Map.entry("etc/ssl/certs/", "40755 0:0"),
            Map.entry("etc/ssl/certs/java/", "40755 0:0"),
            Map.entry("usr/bin/", "40755 0:0"),
            Map.entry("opt/", "40755 0:0"),
            Map.entry("opt/flagstream/", "40755 0:0"),
            Map.entry("var/", "40755 0:0"),
            Map.entry("var/lib/", "40755 0:0"),
            Map.entry("var/lib/dpkg/", "40755 0:0"),
            Map.entry("var/lib/dpkg/status.d/", "40755 0:0"));
  }

  @Test
  void write_trustsTheCaCertificatesPackagesCertificatesOnly_andKeepsTheirFiles() throws Exception {
    byte[] pem = certificate();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LayerWriter layer = new LayerWriter(out)) {
      RootFilesystem.write(
          List.of(
              DebFile.read(
                  FakeDeb.of("ca-certificates", "20250419", "all")
                      .file("./usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt", 0644, pem)
                      .file("./usr/share/ca-certificates/README", "not a certificate")
                      .writeTo(directory)),
              DebFile.read(
                  FakeDeb.of("some-tool", "1", "all")
                      .file("./usr/share/some-tool/test-ca.crt", 0644, pem)
                      .writeTo(directory))),
          new byte[] {'j', 'a', 'r'},
          layer);
    }
    Map<String, byte[]> files = files(out.toByteArray());
    assertThat(files.get("usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt")).isEqualTo(pem);
    assertThat(files.get("usr/share/ca-certificates/README"))
        .asString()
        .isEqualTo("not a certificate");
    assertThat(files.get("usr/share/some-tool/test-ca.crt")).isEqualTo(pem);
    assertThat(files.get("opt/flagstream/healthcheck.jar")).asString().isEqualTo("jar");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(files.get("etc/ssl/certs/java/cacerts")), null);
    assertThat(store.size()).isOne();
  }

  @Test
  void theTrustStore_leavesTheKeystorePropertiesAsItFoundThem() throws IOException {
    String mac = "keystore.pkcs12.macAlgorithm";
    String protection = "keystore.pkcs12.certProtectionAlgorithm";
    String before = System.getProperty(mac);
    try {
      System.setProperty(mac, "HmacPBESHA256");
      RootFilesystem.trustStore(List.of(certificate()));
      assertThat(System.getProperty(mac)).isEqualTo("HmacPBESHA256");
      assertThat(System.getProperty(protection)).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(mac);
      } else {
        System.setProperty(mac, before);
      }
    }
  }

  private static byte[] certificate() throws IOException {
    return FakeSystem.certificate();
  }

  /** The layer's entries, in order, written for these packages. */
  private Map<String, TarArchiveEntry> written(FakeDeb... packages) throws IOException {
    List<DebFile> debs = new java.util.ArrayList<>();
    for (FakeDeb fake : packages) {
      debs.add(DebFile.read(fake.writeTo(directory)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LayerWriter layer = new LayerWriter(out)) {
      RootFilesystem.write(debs, new byte[0], layer);
    }
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = layerTar(out.toByteArray())) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), entry);
      }
    }
    return entries;
  }

  private static Map<String, byte[]> files(byte[] layer) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = layerTar(layer)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (LayerWriter.isRegularFile(entry)) {
          files.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    return files;
  }

  private static TarArchiveInputStream layerTar(byte[] layer) throws IOException {
    return new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(layer)));
  }
}
