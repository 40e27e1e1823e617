package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {
  @TempDir Path home;

  @Test
  void aFirstRun_makesUpCredentials_keptForTheOwnerOnly_andTheNextRunFindsTheSame()
      throws IOException {
    LocalCredentials first = LocalCredentials.loadOrCreate(home);

    assertThat(first.email()).isEqualTo("admin@flagstream.local");
    assertThat(first.token()).matches("fst_[A-Za-z0-9_-]{43}");
    assertThat(first.serverKey()).startsWith("server-").isNotEqualTo(first.clientKey());
    assertThat(first.clientKey()).startsWith("client-");
    assertThat(first.password()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(first.twoFactorKey())
        .as("an AES-256 key as the admin takes it: id, colon, 32 bytes in Base64")
        .matches("local:[A-Za-z0-9+/]{43}=");
    assertThat(Files.getPosixFilePermissions(home.resolve(LocalCredentials.FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    assertThat(LocalCredentials.loadOrCreate(home)).isEqualTo(first);
  }

  @Test
  void aStoredTokenNotShapedLikeAGeneratedOne_isMadeUpAgain_andMissingValuesAreAdded()
      throws IOException {
    Files.writeString(
        home.resolve(LocalCredentials.FILE), "email=me@example.com\ntoken=local-admin-token\n");

    LocalCredentials credentials = LocalCredentials.loadOrCreate(home);

    assertThat(credentials.email()).as("what was kept stays").isEqualTo("me@example.com");
    assertThat(credentials.token()).startsWith("fst_");
    assertThat(credentials.serverKey()).isNotBlank();
    assertThat(credentials.twoFactorKey()).startsWith("local:");
    assertThat(LocalCredentials.loadOrCreate(home)).isEqualTo(credentials);
  }
}
