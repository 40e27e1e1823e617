package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.container.fixtures.FakeDeb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apt is replaced by a script that plays Debian's archive, so these run anywhere, offline. */
class DebianPackagesTest {
  @TempDir Path directory;
  private Path archive;
  private Path cache;
  private Path keyring;
  private Path aptGet;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void anArchiveWithTwoPackages() throws IOException {
    archive = Files.createDirectories(directory.resolve("archive"));
    cache = directory.resolve("cache");
    keyring = Files.writeString(directory.resolve("keyring.gpg"), "keys");
    publish(FakeDeb.of("zlib1g", "1:1.2.13", "amd64").file("./lib/libz.so.1", "z"));
    publish(FakeDeb.of("tzdata", "2026f", "all").file("./usr/share/zoneinfo/UTC", "utc"));
    aptGet = directory.resolve("apt-get");
    Files.writeString(
        aptGet,
        String.join(
            "\n",
            "#!/bin/sh",
            "while [ $# -gt 0 ]; do case \"$1\" in -o) shift 2;; -q) shift;; *) break;; esac; done",
            "echo \"$@\" >> " + archive + "/calls",
            "case \"$1\" in",
            "  update)",
            "    if [ -f " + archive + "/unreachable ]; then echo 'E: unreachable'; exit 100; fi",
            "    touch " + cache + "/state/lists/debian_dists_bookworm_main_binary-amd64_Packages",
            "    exit 0;;",
            "  download)",
            "    shift",
            "    if [ \"$1\" = --print-uris ]; then shift;"
                + " for p in \"$@\"; do cat "
                + archive
                + "/$p.uri || exit 100; done; exit 0; fi",
            "    name=${1%%=*}",
            "    cp " + archive + "/$name.deb \"$(cat " + archive + "/$name.file)\"; exit 0;;",
            "esac",
            "exit 1",
            ""));
    Files.setPosixFilePermissions(aptGet, PosixFilePermissions.fromString("rwx------"));
  }

  private void publish(FakeDeb deb) throws IOException {
    Path written = deb.writeTo(archive);
    String name = written.getFileName().toString().split("_")[0];
    String file = written.getFileName().toString().replace(":", "%3a");
    Files.move(written, archive.resolve(name + ".deb"));
    Files.writeString(archive.resolve(name + ".file"), file);
    Files.writeString(
        archive.resolve(name + ".uri"),
        "'http://deb.debian.org/debian/pool/main/"
            + file
            + "' "
            + file
            + " "
            + Files.size(archive.resolve(name + ".deb"))
            + " SHA256:"
            + DebianPackages.sha256(archive.resolve(name + ".deb"))
            + "\n");
  }

  private DebianPackages packages() {
    return new DebianPackages(
        new DebianPackages.Source(
            aptGet.toString(),
            "http://deb.debian.org/debian",
            "http://deb.debian.org/debian-security",
            "bookworm",
            keyring),
        cache,
        "amd64",
        log::add);
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(archive.resolve("calls"));
  }

  @Test
  void fetch_downloadsEachPackage_inTheOrderAsked_andVerifiesIt() throws IOException {
    List<Path> files = packages().fetch(List.of("tzdata", "zlib1g"));
    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("tzdata_2026f_all.deb", "zlib1g_1%3a1.2.13_amd64.deb");
    assertThat(DebFile.read(files.get(1)).version()).isEqualTo("1:1.2.13");
    assertThat(calls())
        .containsExactly(
            "update",
            "download --print-uris tzdata zlib1g",
            "download tzdata=2026f",
            "download zlib1g=1:1.2.13");
    assertThat(cache.resolve("sources.list")).exists();
    assertThat(cache.resolve("state/status")).exists();
  }

  @Test
  void aPackageInTheCache_withTheListedChecksum_isNotDownloadedAgain() throws IOException {
    packages().fetch(List.of("zlib1g"));
    Files.delete(archive.resolve("calls"));
    packages().fetch(List.of("zlib1g"));
    assertThat(calls()).containsExactly("update", "download --print-uris zlib1g");
  }

  @Test
  void aCachedFileThatDiffers_isDownloadedAgain() throws IOException {
    List<Path> files = packages().fetch(List.of("zlib1g"));
    Files.writeString(files.get(0), "damaged");
    Files.delete(archive.resolve("calls"));
    packages().fetch(List.of("zlib1g"));
    assertThat(calls()).contains("download zlib1g=1:1.2.13");
    assertThat(DebFile.read(files.get(0)).name()).isEqualTo("zlib1g");
  }

  @Test
  void aDownloadThatDoesNotMatchTheArchivesChecksum_isRefusedAndDeleted() throws IOException {
    Files.writeString(archive.resolve("zlib1g.deb"), "not what the archive lists");
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the archive lists");
    assertThat(cache.resolve("debs/zlib1g_1%3a1.2.13_amd64.deb")).doesNotExist();
  }

  @Test
  void anUnreachableArchive_usesTheListsOfAnEarlierRun() throws IOException {
    packages().fetch(List.of("zlib1g"));
    Files.writeString(archive.resolve("unreachable"), "");
    assertThat(packages().fetch(List.of("zlib1g"))).hasSize(1);
    assertThat(log).anyMatch(line -> line.contains("not reachable"));
  }

  @Test
  void anUnreachableArchive_usesEarlierLists_evenCompressed_asAptKeepsThemWhereConfiguredSo()
      throws IOException {
    packages().fetch(List.of("zlib1g"));
    Path lists = cache.resolve("state/lists");
    Files.move(
        lists.resolve("debian_dists_bookworm_main_binary-amd64_Packages"),
        lists.resolve("debian_dists_bookworm_main_binary-amd64_Packages.lz4"));
    Files.writeString(archive.resolve("unreachable"), "");
    assertThat(packages().fetch(List.of("zlib1g"))).hasSize(1);
    assertThat(log).anyMatch(line -> line.contains("not reachable"));
  }

  @Test
  void packageLists_areRecognisedPlainOrCompressed_otherFilesAreNot() throws IOException {
    Path lists = Files.createDirectories(directory.resolve("lists"));
    Files.createDirectories(lists.resolve("partial"));
    Files.writeString(lists.resolve("deb.debian.org_debian_dists_bookworm_InRelease"), "");
    assertThat(DebianPackages.hasLists(lists)).isFalse();
    Files.writeString(lists.resolve("debian_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
    assertThat(DebianPackages.hasLists(lists)).isTrue();
  }

  @Test
  void anUnreachableArchive_withNothingCached_failsNamingTheMirrorsAndTheWayOut()
      throws IOException {
    Files.writeString(archive.resolve("unreachable"), "");
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g")))
        .hasMessageContaining("apt-get update failed and nothing is cached")
        .hasMessageContaining(
            "http://deb.debian.org/debian and http://deb.debian.org/debian-security")
        .hasMessageContaining("-Dflagstream.images.skip=true")
        .hasMessageContaining("E: unreachable");
  }

  @Test
  void aFailedDownload_namesThePackageItsVersionAndWhereFrom() throws IOException {
    Files.delete(archive.resolve("zlib1g.deb"));
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g")))
        .hasMessageContaining("apt-get download zlib1g=1:1.2.13 failed after 6 attempts")
        .hasMessageContaining("http://deb.debian.org/debian/pool/main/zlib1g_1%3a1.2.13_amd64.deb");
  }

  @Test
  void aPackageTheArchiveDoesNotHave_failsNamingIt() {
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g", "libnothing")))
        .hasMessageContaining("apt-get cannot find the packages");
  }

  @Test
  void withoutTheDebianKeyring_nothingIsFetched() throws IOException {
    Files.delete(keyring);
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g")))
        .hasMessageContaining("debian-archive-keyring");
    assertThat(archive.resolve("calls")).doesNotExist();
  }

  @Test
  void withoutApt_theErrorSaysHowToBuildWithoutImages() throws IOException {
    Files.delete(aptGet);
    assertThatThrownBy(() -> packages().fetch(List.of("zlib1g")))
        .hasMessageContaining("-Dflagstream.images.skip=true");
  }

  @Test
  void theSources_areDebiansSuiteItsUpdatesAndSecurity_signedByTheKeyring() {
    assertThat(
            DebianPackages.sourcesList(
                    new DebianPackages.Source(
                        "apt-get",
                        "http://m/debian",
                        "http://s/debian-security",
                        "bookworm",
                        Path.of("/k.gpg")))
                .lines())
        .containsExactly(
            "deb [signed-by=/k.gpg] http://m/debian bookworm main",
            "deb [signed-by=/k.gpg] http://m/debian bookworm-updates main",
            "deb [signed-by=/k.gpg] http://s/debian-security bookworm-security main");
    assertThat(packages().options())
        .contains(
            "Dir::State::Status=" + cache.resolve("state/status"),
            "APT::Architecture=amd64",
            "Acquire::Retries=5");
  }

  @Test
  void printedUris_areParsed_otherLinesIgnored() {
    assertThat(
            DebianPackages.parsePrintedUris(
                "W: something\n'http://x/a_1_all.deb' a_1_all.deb 12 SHA256:"
                    + "0".repeat(64)
                    + "\n"))
        .containsExactly(
            new DebianPackages.PrintedUri(
                "http://x/a_1_all.deb", "a_1_all.deb", 12, "0".repeat(64)));
  }
}
