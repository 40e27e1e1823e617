package dev.flagstream.contracts.flag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Deep, immutable copies of JSON values held as plain Java collections. */
final class JsonValues {
  private JsonValues() {}

  static Map<String, @Nullable Object> immutableObject(Map<?, ?> in) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : in.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("a JSON object key must be a string: " + entry.getKey());
      }
      copy.put(key, immutableValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static @Nullable Object immutableValue(@Nullable Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return immutableObject(map);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(immutableValue(element)));
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "not a JSON value: "
            + value.getClass().getName()
            + " (use String, Boolean, Number, List, Map)");
  }
}
