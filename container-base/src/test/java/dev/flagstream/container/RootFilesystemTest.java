package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.container.fixtures.FakeSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class RootFilesystemTest {
  @Test
  void documentationIsLeftOut_butEachPackagesCopyrightStays() {
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/copyright")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libstdc++6")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/")).isTrue();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/changelog.Debian.gz")).isFalse();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/examples/")).isFalse();
    assertThat(RootFilesystem.kept("usr/share/doc/libc6/examples/copyright")).isFalse();
  }

  @Test
  void manualsInfoLintianBugAndDebugFilesAreLeftOut_everythingElseStays() {
    for (String dropped :
        List.of(
            "usr/share/man/",
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
}
