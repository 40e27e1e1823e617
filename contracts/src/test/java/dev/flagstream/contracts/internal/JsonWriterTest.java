package dev.flagstream.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void membersAndElements_areSeparatedByCommas_withoutWhitespace() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("a")
            .beginArray()
            .value(1)
            .value(true)
            .value((String) null)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .name("b")
            .value("x")
            .endObject()
            .toString();
    assertThat(json).isEqualTo("{\"a\":[1,true,null,{},[]],\"b\":\"x\"}");
  }

  @Test
  void strings_escapeOnlyWhatJsonRequires() {
    assertThat(new JsonWriter().value("q\" b\\ s/ é ✓ 😀 \u2028 \u007f").toString())
        .isEqualTo("\"q\\\" b\\\\ s/ é ✓ 😀 \u2028 \u007f\"");
    assertThat(new JsonWriter().value("\b\t\n\f\r\u0000\u001f\u000b").toString())
        .isEqualTo("\"\\b\\t\\n\\f\\r\\u0000\\u001F\\u000B\"");
  }

  @Test
  void toBytes_isTheTextAsUtf8() {
    assertThat(new JsonWriter().value("é").toBytes())
        .isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void numbers_areWrittenAsJavaPrintsThem_nonFiniteOnesAsStrings() {
    List<Object> numbers =
        Arrays.asList(
            1,
            -2L,
            (short) 3,
            (byte) 4,
            0.25,
            1e20,
            1e-7,
            1.5f,
            new BigInteger("123456789012345678901234567890"),
            new BigDecimal("1.50"),
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY);
    assertThat(new JsonWriter().json(numbers).toString())
        .isEqualTo(
            "[1,-2,3,4,0.25,1.0E20,1.0E-7,1.5,123456789012345678901234567890,1.50,\"NaN\",\"Infinity\",\"-Infinity\"]");
  }

  @Test
  void json_keepsTheOrderOfMaps_canonicalJsonSortsKeysAtEveryDepth() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", null);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("y", List.of(inner));
    outer.put("b", false);
    assertThat(new JsonWriter().json(outer).toString())
        .isEqualTo("{\"y\":[{\"z\":1,\"a\":null}],\"b\":false}");
    assertThat(new JsonWriter().canonicalJson(outer).toString())
        .isEqualTo("{\"b\":false,\"y\":[{\"a\":null,\"z\":1}]}");
  }

  @Test
  void whatIsNoJsonValue_isRefused() {
    Map<Object, Object> numberKey = new HashMap<>();
    numberKey.put(1, "x");
    assertThatThrownBy(() -> new JsonWriter().json(numberKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a JSON object key must be a string, got 1");
    assertThatThrownBy(() -> new JsonWriter().canonicalJson(numberKey))
        .hasMessage("a JSON object key must be a string, got 1");
    assertThatThrownBy(() -> new JsonWriter().json(Set.of("x")))
        .hasMessageStartingWith("not a JSON value: java.util.");
    assertThatThrownBy(() -> new JsonWriter().json(new Object()))
        .hasMessage("not a JSON value: java.lang.Object");
  }
}
