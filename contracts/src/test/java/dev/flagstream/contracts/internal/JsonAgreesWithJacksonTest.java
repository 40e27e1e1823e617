package dev.flagstream.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec's reader and writer agree with Jackson, which the contracts used before, on JSON values
 * of every kind: the same text written, the same values read. The values are random, from fixed
 * seeds, so every run checks the same ones.
 */
class JsonAgreesWithJacksonTest {
  private static final JsonMapper JACKSON = JsonMapper.builder().build();
  private static final String SPECIAL = "é✓😀\u2028\"\\/\u0001\u001f\u007f\n";

  static Stream<@Nullable Object> values() {
    Random random = new Random(17);
    List<@Nullable Object> values = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      values.add(value(random, 0));
    }
    return values.stream();
  }

  @ParameterizedTest
  @MethodSource("values")
  void writer_writesWhatJacksonWrites(@Nullable Object value) {
    assertThat(new JsonWriter().json(value).toString())
        .isEqualTo(JACKSON.writeValueAsString(value));
  }

  @ParameterizedTest
  @MethodSource("values")
  void reader_readsWhatJacksonReads(@Nullable Object value) {
    byte[] text = JACKSON.writeValueAsBytes(value);
    assertThat(JsonReader.parse(text)).isEqualTo(JACKSON.readValue(text, Object.class));
  }

  @ParameterizedTest
  @MethodSource("values")
  void whatTheWriterWrites_readsBackAsTheSameValue(@Nullable Object value) {
    byte[] text = new JsonWriter().json(value).toBytes();
    assertThat(JsonReader.parse(text)).isEqualTo(value);
    assertThat(new JsonWriter().json(JsonReader.parse(text)).toString())
        .isEqualTo(new String(text, StandardCharsets.UTF_8));
  }

  private static @Nullable Object value(Random random, int depth) {
    int kind = random.nextInt(depth < 3 ? 9 : 7);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextLong() | (1L << 40); // beyond an int
      case 4 ->
          switch (random.nextInt(3)) {
            case 0 -> random.nextDouble();
            case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            default -> (double) random.nextInt(1000) / 8;
          };
      case 5, 6 -> text(random);
      case 7 -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(text(random), value(random, depth + 1));
        }
        yield map;
      }
    };
  }

  /** Text of letters, any other characters of the Basic Multilingual Plane, and special ones. */
  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      switch (random.nextInt(3)) {
        case 0 -> text.append((char) ('a' + random.nextInt(26)));
        case 1 -> {
          char c = (char) random.nextInt(0xD800);
          text.append(c);
        }
        default ->
            text.appendCodePoint(
                SPECIAL.codePointAt(
                    SPECIAL.offsetByCodePoints(
                        0, random.nextInt(SPECIAL.codePointCount(0, SPECIAL.length())))));
      }
    }
    return text.toString();
  }
}
