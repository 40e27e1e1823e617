package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.access.KeyKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers written straight into bytes are byte for byte what Jackson writes for {@link Results}
 * and {@link Values}: the same fields, in the same order, escaped the same way.
 */
class ManyAnswersTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final UUID LISTED = UUID.fromString("00000000-0000-0000-0000-000000000007");

  private final InMemoryFlagClient flags = new InMemoryFlagClient();
  private final FlagNames names = new FlagNames(flags);

  ManyAnswersTest() {
    flags.set(Flag.builder("on").enabled(true).rolloutPercentage(100).version(3).build());
    flags.set(Flag.builder("off").enabled(false).rolloutPercentage(100).version(4).build());
    flags.set(Flag.builder("half").enabled(true).rolloutPercentage(50).version(5).build());
    flags.set(
        Flag.builder("listed")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(LISTED))
            .version(6)
            .build());
  }

  private String jackson(
      List<String> named, @Nullable String userId, KeyKind caller, @Nullable Boolean reached) {
    Map<String, Result> values = new LinkedHashMap<>();
    for (String name : named) {
      values.put(name, Result.of(flags.evaluate(name, userId), 42, caller));
    }
    return JSON.writeValueAsString(new Results(userId, 42, values, reached));
  }

  private String jacksonValues(
      List<String> named, @Nullable String userId, @Nullable Boolean reached) {
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (String name : named) {
      values.put(name, flags.isEnabled(name, userId));
    }
    return JSON.writeValueAsString(new Values(userId, 42, values, reached));
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "user {0}, revision reached {1}")
  @CsvSource(
      value = {
        "00000000-0000-0000-0000-000000000007, true",
        "someone, false",
        "NULL, NULL",
        "'with \"quotes\", \\ and é', NULL"
      },
      nullValues = "NULL")
  void everyFlag_isWhatJacksonWrites_forEachKindOfKey_andForValuesAlone(
      @Nullable String userId, @Nullable Boolean reached) {
    List<String> all = new ArrayList<>();
    names.all().forEach(name -> all.add(name.name()));
    assertThat(all).containsExactly("half", "listed", "off", "on");

    assertThat(text(ManyAnswers.evaluations(flags, names.all(), userId, 42, true, reached)))
        .isEqualTo(jackson(all, userId, KeyKind.SERVER, reached));
    assertThat(text(ManyAnswers.evaluations(flags, names.all(), userId, 42, false, reached)))
        .isEqualTo(jackson(all, userId, KeyKind.CLIENT, reached));
    assertThat(text(ManyAnswers.values(flags, names.all(), userId, 42, reached)))
        .isEqualTo(jacksonValues(all, userId, reached));
  }

  @Test
  void namesARequestGives_unknownOrOdd_areWrittenAsJacksonWritesThem() {
    List<String> named = List.of("nope", "on", "a \"quoted\" name\n", "ünïcode", "listed");
    List<FlagNames.Name> written = FlagNames.of(named);
    assertThat(text(ManyAnswers.evaluations(flags, written, "u", 42, true, null)))
        .isEqualTo(jackson(named, "u", KeyKind.SERVER, null));
    assertThat(text(ManyAnswers.values(flags, written, "u", 42, null)))
        .isEqualTo(jacksonValues(named, "u", null));
  }

  @ParameterizedTest(name = "version {0}, revision {1}")
  @CsvSource({
    "0, 0",
    "9, 10",
    "10, 99",
    "1234567890123, 9223372036854775807",
    "-1, -42",
    "1, -9223372036854775808"
  })
  void versionsAndRevisions_ofAnyLength_areWrittenAsJacksonWritesThem(long version, long revision) {
    InMemoryFlagClient one = new InMemoryFlagClient();
    one.set(Flag.builder("f").enabled(true).rolloutPercentage(100).version(version).build());
    Map<String, Result> values = new LinkedHashMap<>();
    values.put("f", Result.of(one.evaluate("f", "u"), revision, KeyKind.SERVER));

    assertThat(
            text(ManyAnswers.evaluations(one, new FlagNames(one).all(), "u", revision, true, null)))
        .isEqualTo(JSON.writeValueAsString(new Results("u", revision, values, null)));
  }

  @Test
  void noFlags_isAnEmptyObject() {
    InMemoryFlagClient none = new InMemoryFlagClient();
    assertThat(text(ManyAnswers.values(none, new FlagNames(none).all(), "u", 1, null)))
        .isEqualTo("{\"userId\":\"u\",\"revision\":1,\"values\":{}}");
  }

  @Test
  void theListing_isKept_untilAFlagChanges() {
    List<FlagNames.Name> first = names.all();
    assertThat(names.all()).isSameAs(first);
    flags.set(Flag.builder("added").enabled(true).rolloutPercentage(100).version(9).build());
    assertThat(names.all()).extracting(FlagNames.Name::name).contains("added");
    flags.remove("off");
    assertThat(names.all()).extracting(FlagNames.Name::name).doesNotContain("off");
  }
}
