package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CaptureHeartbeatTest {
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void json_roundTrips_andMatchesThePublishedSchema() throws IOException {
    CaptureHeartbeat heartbeat = CaptureHeartbeat.of(42, AT, Duration.ofSeconds(10));
    byte[] json = FlagChangeJson.heartbeatToBytes(heartbeat);

    assertThat(FlagChangeJson.heartbeatFromBytes(json)).isEqualTo(heartbeat);
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"op\":\"HEARTBEAT\"");
    assertThat(schema().validate(JsonMapper.builder().build().readTree(json))).isEmpty();
  }

  @Test
  void silenceLimit_isThreeIntervals() {
    assertThat(CaptureHeartbeat.of(1, AT, Duration.ofSeconds(10)).silenceLimit())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unreadableOrInvalidHeartbeats_areRefused() {
    assertThatThrownBy(() -> FlagChangeJson.heartbeatFromBytes(bytes("{\"op\":\"HEARTBEAT\"}")))
        .isInstanceOf(InvalidChangeEventException.class);
    assertThatThrownBy(
            () ->
                FlagChangeJson.heartbeatFromBytes(
                    bytes(
                        "{\"schemaVersion\":2,\"op\":\"HEARTBEAT\",\"revision\":1,"
                            + "\"beatAt\":\"2026-11-29T10:00:00Z\",\"intervalMillis\":10}")))
        .isInstanceOf(InvalidChangeEventException.class)
        .hasMessageContaining("schema version 2");
    assertThatThrownBy(() -> CaptureHeartbeat.of(-1, AT, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CaptureHeartbeat.of(1, AT, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Schema schema() throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));
    try (InputStream schema =
        CaptureHeartbeatTest.class.getResourceAsStream(
            "/dev/flagstream/contracts/schema/capture-heartbeat.schema.json")) {
      return registry.getSchema(schema);
    }
  }
}
