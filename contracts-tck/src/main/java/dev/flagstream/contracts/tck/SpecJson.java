package dev.flagstream.contracts.tck;

import dev.flagstream.contracts.internal.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A value of the suite's files, read into plain Java (maps, lists, strings, numbers, booleans),
 * with the few accessors the suite's reader needs. A file that lacks what the reader asks for fails
 * with a message naming the member.
 */
record SpecJson(@Nullable Object value) {

  SpecJson get(String member) {
    if (!(value instanceof Map<?, ?> object) || !object.containsKey(member)) {
      throw new IllegalStateException("the suite's file lacks '" + member + "' in " + this);
    }
    return new SpecJson(object.get(member));
  }

  boolean has(String member) {
    return value instanceof Map<?, ?> object && object.containsKey(member);
  }

  boolean isNull() {
    return value == null;
  }

  String asString() {
    if (!(value instanceof String text)) {
      throw new IllegalStateException("not a string: " + this);
    }
    return text;
  }

  long asLong() {
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("not a number: " + this);
    }
    return number.longValue();
  }

  int asInt() {
    return Math.toIntExact(asLong());
  }

  boolean asBoolean() {
    if (!(value instanceof Boolean bool)) {
      throw new IllegalStateException("not a boolean: " + this);
    }
    return bool;
  }

  List<SpecJson> elements() {
    if (!(value instanceof List<?> list)) {
      throw new IllegalStateException("not an array: " + this);
    }
    List<SpecJson> elements = new ArrayList<>(list.size());
    list.forEach(element -> elements.add(new SpecJson(element)));
    return elements;
  }

  Map<?, ?> members() {
    if (!(value instanceof Map<?, ?> object)) {
      throw new IllegalStateException("not an object: " + this);
    }
    return object;
  }

  /** The value as compact JSON text. */
  String toJson() {
    return new JsonWriter().json(value).toString();
  }

  @Override
  public String toString() {
    String text = toJson();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
