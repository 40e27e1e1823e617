package dev.flagstream.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

  @Test
  void parse_readsEveryKindOfValue_asPlainJava() {
    Object value =
        parse(
            " {\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"a\":[1,-2,[],{}],\"o\":{\"k\":\"v\"}}\n");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "x");
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("a", List.of(1, -2, List.of(), Map.of()));
    expected.put("o", Map.of("k", "v"));
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void numbers_areIntegerLongBigIntegerOrDouble_byTheirSizeAndForm() {
    assertThat(parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(parse("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(parse("2147483648")).isEqualTo(2147483648L);
    assertThat(parse("-2147483649")).isEqualTo(-2147483649L);
    assertThat(parse("999999999999999999")).isEqualTo(999999999999999999L);
    assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(parse("0")).isEqualTo(0);
    assertThat(parse("-0")).isEqualTo(0);
    assertThat(parse("1.5")).isEqualTo(1.5);
    assertThat(parse("1e2")).isEqualTo(100.0);
    assertThat(parse("1E+2")).isEqualTo(100.0);
    assertThat(parse("-2.5e-3")).isEqualTo(-0.0025);
  }

  @Test
  void readLong_andReadInt_takeWholeNumbers_inTheirRange() {
    assertThat(JsonReader.of("  42").readLong()).isEqualTo(42);
    assertThat(JsonReader.of("-9223372036854775808").readLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(JsonReader.of("4.2e1").readLong()).isEqualTo(42);
    assertThat(JsonReader.of("2147483647").readInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(JsonReader.of("-2147483648").readInt()).isEqualTo(Integer.MIN_VALUE);
    assertRefused(
        () -> JsonReader.of("9223372036854775808").readLong(),
        "expected an integer within 64 bits, got 9223372036854775808 (at byte 0)");
    assertRefused(
        () -> JsonReader.of("0.5").readLong(), "expected an integer within 64 bits, got 0.5");
    assertRefused(
        () -> JsonReader.of(" 2147483648").readInt(),
        "expected an integer within 32 bits, got 2147483648 (at byte 1)");
    assertRefused(() -> JsonReader.of("-2147483649").readInt(), "within 32 bits");
    assertRefused(() -> JsonReader.of("true").readLong(), "expected a number (at byte 0)");
    assertRefused(() -> JsonReader.of("").readLong(), "unexpected end of input");
  }

  @Test
  void strings_decodeEscapesAndUtf8() {
    assertThat(parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\""))
        .isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti");
    assertThat(parse("\"\\u00e9\\u00C9\\ud83d\\ude00\"")).isEqualTo("éÉ😀");
    assertThat(parse("\"é✓😀\"")).isEqualTo("é✓😀");
    assertThat(parse("\"é\\n✓\"")).isEqualTo("é\n✓");
    assertThat(parse("\"\"")).isEqualTo("");
    assertThat(JsonReader.of("\"x\"").readString()).isEqualTo("x");
  }

  @Test
  void booleansAndNulls_areReadByTheirOwnMethods() {
    assertThat(JsonReader.of(" true").readBoolean()).isTrue();
    assertThat(JsonReader.of(" false").readBoolean()).isFalse();
    JsonReader reader = JsonReader.of(" null 1");
    assertThat(reader.nextIsNull()).isTrue();
    assertThat(reader.nextIsNull()).isFalse();
    assertThat(reader.readLong()).isEqualTo(1);
    assertThat(JsonReader.of("").nextIsNull()).isFalse();
    assertRefused(() -> JsonReader.of("nul").readValue(), "expected null (at byte 0)");
    assertRefused(() -> JsonReader.of("tru").readBoolean(), "expected true");
    assertRefused(() -> JsonReader.of("fals").readBoolean(), "expected false");
    assertRefused(() -> JsonReader.of("nope").readBoolean(), "expected true or false");
    assertRefused(() -> JsonReader.of("").readBoolean(), "expected true or false");
    assertRefused(() -> JsonReader.of("1").readString(), "expected a string (at byte 0)");
    assertRefused(() -> JsonReader.of("").readString(), "expected a string");
  }

  @Test
  void objectsAndArrays_areWalkedMemberByMember() {
    JsonReader reader = JsonReader.of("{ \"a\" : [ 1 , 2 ] , \"b\" : { } }");
    reader.beginObject();
    assertThat(reader.nextName()).isEqualTo("a");
    reader.beginArray();
    assertThat(reader.hasNext()).isTrue();
    assertThat(reader.readLong()).isEqualTo(1);
    assertThat(reader.hasNext()).isTrue();
    assertThat(reader.readLong()).isEqualTo(2);
    assertThat(reader.hasNext()).isFalse();
    assertThat(reader.nextName()).isEqualTo("b");
    reader.skipValue();
    assertThat(reader.nextName()).isNull();
    reader.endOfInput();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{\"a\":1 \"b\":2}",
        "{a:1}",
        "[1,]",
        "[1 2]",
        "[",
        "]",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-",
        "+1",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\",
        "// comment",
        "{} {}",
        "NaN",
        "'single'"
      })
  void malformedText_isRefused(String text) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("(at byte ");
  }

  @Test
  void refusals_sayWhatAndWhere() {
    assertRefused(() -> parse("[1,]"), "expected a value (at byte 3)");
    assertRefused(() -> parse("{\"a\":1,}"), "expected a property name (at byte 7)");
    assertRefused(() -> parse("{\"a\" 1}"), "expected ':' after a property name (at byte 5)");
    assertRefused(
        () -> parse("[1 2]"), "expected ',' or the end of the object or array (at byte 3)");
    assertRefused(() -> parse("{} x"), "unexpected content after the value (at byte 3)");
    assertRefused(
        () -> parse("\"a\u0001\""), "unescaped control character in a string (at byte 2)");
    assertRefused(
        () -> parse("\"a\\n\u0001\""), "unescaped control character in a string (at byte 4)");
    assertRefused(() -> parse("\"ab"), "unterminated string (at byte 3)");
    assertRefused(() -> parse("\"a\\nb"), "unterminated string (at byte 5)");
    assertRefused(() -> parse("\"\\q\""), "invalid escape in a string (at byte 1)");
    assertRefused(() -> parse("\"\\u00"), "unterminated string");
    assertRefused(() -> parse("1.x"), "expected a digit after the decimal point (at byte 2)");
    assertRefused(() -> parse("1ex"), "expected a digit in the exponent (at byte 2)");
    assertRefused(() -> parse(""), "unexpected end of input (at byte 0)");
    assertRefused(() -> parse("-"), "expected a value (at byte 0)");
    assertRefused(() -> parse("x"), "expected a value (at byte 0)");
    assertRefused(() -> JsonReader.of("1").beginObject(), "expected an object (at byte 0)");
    assertRefused(() -> JsonReader.of("{}").beginArray(), "expected an array (at byte 0)");
  }

  @Test
  void invalidUtf8_isRefused() {
    byte[] lone = {'"', (byte) 0xC3, '"'};
    byte[] afterEscape = {'"', '\\', 'n', (byte) 0xFF, '"'};
    assertThatThrownBy(() -> JsonReader.parse(lone))
        .hasMessage("a string that is not valid UTF-8 (at byte 1)");
    assertThatThrownBy(() -> JsonReader.parse(afterEscape))
        .hasMessage("a string that is not valid UTF-8 (at byte 3)");
  }

  @Test
  void nesting_isBoundedBeforeTheStackIs() {
    String deepest = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
    assertThat(parse(deepest)).isInstanceOf(List.class);
    String deeper = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
    assertRefused(() -> parse(deeper), "nested more than 256 levels deep (at byte 257)");
    char[] objects = new char[100_000];
    Arrays.fill(objects, '[');
    assertRefused(() -> parse(new String(objects)), "nested more than 256 levels deep");
  }

  private static Object parse(String text) {
    return JsonReader.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(Runnable read, String message) {
    assertThatThrownBy(read::run)
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining(message);
  }
}
