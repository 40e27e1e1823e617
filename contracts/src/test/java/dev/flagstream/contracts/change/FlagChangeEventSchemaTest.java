package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.flagstream.contracts.flag.Flag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema and the Java records describe the same wire format: what the records
 * write validates, the schema's positive fixtures read, its negative fixtures are refused.
 */
class FlagChangeEventSchemaTest {
  private static final Path FIXTURES = Path.of("schema/fixtures");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));
    try (InputStream schema =
        FlagChangeEventSchemaTest.class.getResourceAsStream(
            "/dev/flagstream/contracts/schema/flag-change-event.schema.json")) {
      return registry.getSchema(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> validFixtures() throws IOException {
    return fixtures("valid");
  }

  static Stream<Path> invalidFixtures() throws IOException {
    return fixtures("invalid");
  }

  private static Stream<Path> fixtures(String kind) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(FIXTURES.resolve(kind))) {
      files = listing.sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("validFixtures")
  void validFixtures_passTheSchema_andReadBackUnchanged(Path fixture) throws IOException {
    String json = Files.readString(fixture);
    assertThat(errors(JSON.readTree(json))).isEmpty();
    FlagChangeEvent event = FlagChangeJson.fromJson(json);
    assertThat(FlagChangeJson.fromJson(FlagChangeJson.toJson(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void invalidFixtures_failTheSchema(Path fixture) throws IOException {
    assertThat(errors(JSON.readTree(Files.readString(fixture)))).isNotEmpty();
  }

  @Test
  void writtenEvents_ofBothOps_passTheSchema() {
    Flag flag =
        Flag.builder("new-checkout")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(UUID.randomUUID()))
            .metadata(Map.of("owner", "payments"))
            .createdBy(UUID.randomUUID())
            .build();
    Instant now = Instant.parse("2026-11-27T10:00:00.123456789Z");
    assertThat(errorsOf(FlagChangeEvent.upsert(flag, 0, now))).isEmpty();
    assertThat(errorsOf(FlagChangeEvent.delete("new-checkout", 1, 5, now))).isEmpty();
  }

  @Property(tries = 300)
  void anyWrittenEvent_passesTheSchema(@ForAll("events") FlagChangeEvent event) {
    assertThat(errorsOf(event)).isEmpty();
  }

  @Provide
  Arbitrary<FlagChangeEvent> events() {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
            .ofMinLength(0)
            .ofMaxLength(120)
            .map(rest -> "f" + rest);
    Arbitrary<Flag> flags =
        Combinators.combine(
                names,
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 100),
                Arbitraries.create(UUID::randomUUID).list().ofMaxSize(5),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond))
            .as(
                (name, description, enabled, rollout, allowlist, version, at) ->
                    Flag.builder(name)
                        .description(description)
                        .enabled(enabled)
                        .rolloutPercentage(rollout)
                        .userAllowlist(allowlist)
                        .metadata(Map.of("note", description))
                        .version(version)
                        .createdAt(at)
                        .updatedAt(at)
                        .build());
    Arbitrary<Long> revisions = Arbitraries.longs().between(0, Long.MAX_VALUE);
    Arbitrary<FlagChangeEvent> upserts =
        Combinators.combine(flags, revisions)
            .as((f, r) -> FlagChangeEvent.upsert(f, r, f.updatedAt()));
    Arbitrary<FlagChangeEvent> deletes =
        Combinators.combine(names, Arbitraries.longs().between(0, Long.MAX_VALUE), revisions)
            .as((n, v, r) -> FlagChangeEvent.delete(n, v, r, Instant.EPOCH));
    return Arbitraries.oneOf(upserts, deletes);
  }

  private static List<Error> errorsOf(FlagChangeEvent event) {
    return errors(JSON.readTree(FlagChangeJson.toBytes(event)));
  }

  private static List<Error> errors(JsonNode json) {
    return SCHEMA.validate(json);
  }
}
