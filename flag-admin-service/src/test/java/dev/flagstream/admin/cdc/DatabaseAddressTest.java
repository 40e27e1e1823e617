package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.admin.cdc.internal.PostgresOffsetStore;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The capture engine's connections are as protected as the JDBC URL asks (finding M6). */
class DatabaseAddressTest {

  @Test
  void hostPortAndDatabase_comeFromTheJdbcUrl() {
    assertThat(DatabaseAddress.of("jdbc:postgresql://db.internal:6543/flags?sslmode=require"))
        .isEqualTo(new DatabaseAddress("db.internal", 6543, "flags", Map.of("sslmode", "require")));
    assertThat(DatabaseAddress.of("jdbc:postgresql://localhost/flags"))
        .isEqualTo(new DatabaseAddress("localhost", 5432, "flags", Map.of()));
  }

  @Test
  void verifyFull_andItsCertificates_reachTheEngine() {
    Properties engine =
        DatabaseAddress.of(
                "jdbc:postgresql://db:5432/flags?sslmode=verify-full"
                    + "&sslrootcert=/etc/pg/root.crt&sslcert=/etc/pg/client.crt"
                    + "&sslkey=/etc/pg/client.pk8&sslpassword=s%26cret&ApplicationName=admin")
            .engineSettings();

    assertThat(engine)
        .containsEntry("database.hostname", "db")
        .containsEntry("database.port", "5432")
        .containsEntry("database.dbname", "flags")
        .containsEntry("database.sslmode", "verify-full")
        .containsEntry("database.sslrootcert", "/etc/pg/root.crt")
        .containsEntry("database.sslcert", "/etc/pg/client.crt")
        .containsEntry("database.sslkey", "/etc/pg/client.pk8")
        .containsEntry("database.sslpassword", "s&cret")
        .containsEntry("database.ApplicationName", "admin");
  }

  @Test
  void theEngineGetsTheDriversOwnMode_alsoWhenTheUrlNamesNone() {
    assertThat(DatabaseAddress.of("jdbc:postgresql://db/flags").engineSettings())
        .as("the driver prefers TLS without verifying; the engine must not do less")
        .containsEntry("database.sslmode", "prefer");
    assertThat(DatabaseAddress.of("jdbc:postgresql://db/flags?ssl=true").engineSettings())
        .as("a bare ssl=true means verify-full to the driver")
        .containsEntry("database.sslmode", "verify-full")
        .doesNotContainKey("database.ssl");
    assertThat(DatabaseAddress.of("jdbc:postgresql://db/flags?ssl").sslMode())
        .isEqualTo("verify-full");
    assertThat(DatabaseAddress.of("jdbc:postgresql://db/flags?ssl=false").sslMode())
        .isEqualTo("prefer");
    assertThat(
            DatabaseAddress.of("jdbc:postgresql://db/flags?ssl=true&sslmode=disable")
                .engineSettings())
        .as("sslmode wins over ssl, as in the driver")
        .containsEntry("database.sslmode", "disable");
  }

  @Test
  void gssAndKerberosSettings_reachTheEngine_queryTuningDoesNot() {
    Properties engine =
        DatabaseAddress.of(
                "jdbc:postgresql://db/flags?gssEncMode=require&kerberosServerName=pg"
                    + "&channelBinding=require&socketTimeout=5&prepareThreshold=0"
                    + "&user=app&password=secret")
            .engineSettings();

    assertThat(engine)
        .containsEntry("database.gssEncMode", "require")
        .containsEntry("database.kerberosServerName", "pg")
        .containsEntry("database.channelBinding", "require")
        .doesNotContainKeys(
            "database.socketTimeout",
            "database.prepareThreshold",
            "database.user",
            "database.password");
  }

  @Test
  void multiHostAndForeignUrls_areRefused() {
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:mysql://x/y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://a:1,b:2/flags"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single-host");
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://db:5432/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://db/flags?sslmode=verify-ful"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verify-ful");
  }

  @Test
  void aRefusedUrl_isNotEchoedWithItsParameters() {
    assertThatThrownBy(() -> DatabaseAddress.of("jdbc:postgresql://a,b/flags?password=secret"))
        .hasMessageNotContaining("secret");
  }

  @Test
  void captureCredentials_defaultToTheDatasource_thenToTheUrl() {
    CaptureDatabase fromUrl =
        new CaptureDatabase("jdbc:postgresql://db/flags?user=app&password=pw", "", "");
    assertThat(fromUrl.engineSettings())
        .containsEntry("database.user", "app")
        .containsEntry("database.password", "pw");
    CaptureDatabase own =
        new CaptureDatabase("jdbc:postgresql://db/flags?user=app", "capture", "capture-pw");
    assertThat(own.engineSettings()).containsEntry("database.user", "capture");
    assertThat(CaptureEngine.config(cdc(), own))
        .containsEntry("database.user", "capture")
        .containsEntry("database.password", "capture-pw")
        .containsEntry("database.sslmode", "prefer");
    assertThat(CaptureEngine.config(cdc(), own))
        .as("the offset store keeps the engine's position in the same database, as the same role")
        .containsEntry(PostgresOffsetStore.URL, "jdbc:postgresql://db/flags?user=app")
        .containsEntry(PostgresOffsetStore.CONNECTION + "user", "capture")
        .containsEntry(PostgresOffsetStore.CONNECTION + "password", "capture-pw");
  }

  @Test
  void theOffsetStore_connectsAsEveryCaptureConnectionDoes_boundedAgainstASilentServer() {
    CaptureDatabase database =
        new CaptureDatabase("jdbc:postgresql://db/flags", "capture", "capture-pw");
    assertThat(CaptureEngine.config(cdc(), database))
        .containsEntry(PostgresOffsetStore.CONNECTION + "connectTimeout", "10")
        .containsEntry(PostgresOffsetStore.CONNECTION + "socketTimeout", "10")
        .containsEntry(PostgresOffsetStore.CONNECTION + "tcpKeepAlive", "true")
        .containsEntry(
            PostgresOffsetStore.CONNECTION + "ApplicationName", "flagstream-cdc-offsets");
  }

  @Test
  void startUp_refusesTlsSettingsTheCaptureWouldNotSee() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.datasource.hikari.data-source-properties.sslmode", "verify-full");
    assertThatThrownBy(
            () ->
                new CdcConfiguration()
                    .captureDatabase(cdc(), "jdbc:postgresql://db/flags", "app", "", environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.datasource.url");
    assertThatThrownBy(
            () ->
                new CdcConfiguration()
                    .captureDatabase(
                        cdc(), "jdbc:postgresql://a,b/flags", "app", "", new MockEnvironment()))
        .as("a multi-host URL fails the start, not the capture's retry loop")
        .isInstanceOf(IllegalArgumentException.class);
  }

  static CdcProperties cdc() {
    return CdcPropertiesTest.defaults();
  }
}
