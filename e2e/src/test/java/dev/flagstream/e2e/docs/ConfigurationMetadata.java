package dev.flagstream.e2e.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's {@code META-INF/spring-configuration-metadata.json}, which Spring Boot's
 * configuration processor writes from the {@code @ConfigurationProperties} classes and the
 * additional metadata beside them: the settings the service really binds.
 */
record ConfigurationMetadata(List<Property> properties, Set<String> groups) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One setting; {@code defaultValue} is its default as text, empty when it has none. */
  record Property(String name, String type, String defaultValue, String description) {
    boolean isMap() {
      return type.startsWith("java.util.Map");
    }
  }

  static ConfigurationMetadata parse(String json) {
    JsonNode root = JSON.readTree(json);
    List<Property> properties = new ArrayList<>();
    for (JsonNode property : root.path("properties")) {
      properties.add(
          new Property(
              property.path("name").asString(),
              property.path("type").asString(""),
              defaultValue(property.path("defaultValue")),
              property.path("description").asString("")));
    }
    properties.sort(Comparator.comparing(Property::name));
    Set<String> groups = new LinkedHashSet<>();
    root.path("groups").forEach(group -> groups.add(group.path("name").asString()));
    return new ConfigurationMetadata(List.copyOf(properties), groups);
  }

  private static String defaultValue(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asString()));
      return String.join(",", items);
    }
    return value.asString();
  }

  /** The settings under {@code prefix} (e.g. {@code flags.}), by name. */
  List<Property> under(String prefix) {
    return properties.stream().filter(p -> p.name().startsWith(prefix)).toList();
  }

  /**
   * Whether {@code reference} names a setting: a property, a group followed by {@code .*}, or an
   * entry of a map property ({@code flags.kafka.properties[security.protocol]}, {@code
   * flags.kafka.properties.*}).
   */
  boolean names(String reference) {
    if (reference.endsWith(".*")) {
      String prefix = reference.substring(0, reference.length() - 2);
      return groups.contains(prefix)
          || properties.stream()
              .anyMatch(
                  p -> p.name().equals(prefix) ? p.isMap() : p.name().startsWith(prefix + "."));
    }
    int bracket = reference.indexOf('[');
    String base = bracket < 0 ? reference : reference.substring(0, bracket);
    for (Property property : properties) {
      if (property.name().equals(base)) {
        return bracket < 0 || property.isMap();
      }
      if (property.isMap() && base.startsWith(property.name() + ".")) {
        return true;
      }
    }
    return bracket < 0 && groups.contains(base);
  }
}
