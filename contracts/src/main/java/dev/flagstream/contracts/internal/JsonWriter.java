package dev.flagstream.contracts.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes compact JSON text, value by value: no whitespace, strings escaped as little as JSON
 * requires (quote, backslash, control characters; other characters as they are, UTF-8 encoded),
 * numbers as Java prints them. The contracts' wire forms have always been written so. Members and
 * elements are separated by commas automatically. Not thread-safe: one writer per text.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out = new StringBuilder(256);
  private boolean comma;

  /** Starts an object. */
  public JsonWriter beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  /** Ends the object. */
  public JsonWriter endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  /** Starts an array. */
  public JsonWriter beginArray() {
    separate();
    out.append('[');
    comma = false;
    return this;
  }

  /** Ends the array. */
  public JsonWriter endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  /** Names the next member of the object; its value follows. */
  public JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    comma = false;
    return this;
  }

  /** A string, or null. */
  public JsonWriter value(@Nullable String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    comma = true;
    return this;
  }

  /** An integer. */
  public JsonWriter value(long value) {
    separate();
    out.append(value);
    comma = true;
    return this;
  }

  /** {@code true} or {@code false}. */
  public JsonWriter value(boolean value) {
    separate();
    out.append(value);
    comma = true;
    return this;
  }

  /**
   * A JSON value held as plain Java: a {@code Map} with string keys (in its own order), a {@code
   * List}, a {@code String}, {@code Boolean}, {@code Number} or null.
   *
   * @throws IllegalArgumentException for anything else
   */
  public JsonWriter json(@Nullable Object value) {
    return json(value, false);
  }

  /** As {@link #json(Object)}, with the keys of every object in ascending order. */
  public JsonWriter canonicalJson(@Nullable Object value) {
    return json(value, true);
  }

  private JsonWriter json(@Nullable Object value, boolean sorted) {
    if (value == null || value instanceof String) {
      return value((String) value);
    }
    if (value instanceof Boolean bool) {
      return value(bool.booleanValue());
    }
    if (value instanceof Number number) {
      separate();
      number(number);
      comma = true;
      return this;
    }
    if (value instanceof Map<?, ?> map) {
      beginObject();
      Map<?, ?> members = sorted ? sortedByKey(map) : map;
      for (Map.Entry<?, ?> member : members.entrySet()) {
        name(key(member.getKey()));
        json(member.getValue(), sorted);
      }
      return endObject();
    }
    if (value instanceof List<?> list) {
      beginArray();
      for (Object element : list) {
        json(element, sorted);
      }
      return endArray();
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  private static Map<String, ?> sortedByKey(Map<?, ?> map) {
    Map<String, @Nullable Object> sorted = new TreeMap<>();
    map.forEach((key, value) -> sorted.put(key(key), value));
    return sorted;
  }

  private static String key(@Nullable Object key) {
    if (key instanceof String name) {
      return name;
    }
    throw new IllegalArgumentException("a JSON object key must be a string, got " + key);
  }

  /** The text written. */
  @Override
  public String toString() {
    return out.toString();
  }

  /** The text written, as UTF-8. */
  public byte[] toBytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void separate() {
    if (comma) {
      out.append(',');
    }
  }

  private void number(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        string(number.toString()); // JSON has no such numbers: written as their name
        return;
      }
    }
    out.append(number);
  }

  private void string(String value) {
    out.append('"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20) {
        out.append(c);
      } else {
        controlCharacter(c);
      }
    }
    out.append('"');
  }

  private void controlCharacter(char c) {
    switch (c) {
      case '\b' -> out.append("\\b");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\f' -> out.append("\\f");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }
}
