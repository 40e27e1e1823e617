package dev.flagstream.e2e.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks operator documents against what the services ship: every endpoint one names is answered by
 * a service, every {@code flags.*} setting is bound by one, every metric is registered by one.
 * Names that are the default value of a setting (the topic {@code flagstream.flags}, the
 * publication {@code flagstream_flags}, the path {@code /} after signing in) are values, not names
 * of metrics or endpoints.
 */
final class DocumentCheck {
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final List<ConfigurationMetadata> metadata = new ArrayList<>();
  private final Set<String> meters = new HashSet<>();
  private final Set<String> prometheusNames = new HashSet<>();
  private final Set<String> settingValues = new HashSet<>();

  DocumentCheck(Collection<ServiceJar> services) {
    for (ServiceJar service : services) {
      endpoints.addAll(RequestMappings.of(service));
      metadata.add(service.metadata());
      for (Map.Entry<String, RegisteredMeters.Meter> meter :
          RegisteredMeters.of(service).entrySet()) {
        meters.add(meter.getKey());
        prometheusNames.addAll(meter.getValue().prometheusNames());
      }
      service.metadata().properties().forEach(p -> settingValues.add(p.defaultValue()));
    }
  }

  /** What {@code document} names that no service has, one line each; empty when all exist. */
  List<String> problems(OperatorDocument document) {
    List<String> problems = new ArrayList<>();
    for (OperatorDocument.Reference endpoint : document.endpoints()) {
      if (endpoints.stream().noneMatch(e -> e.answers(endpoint.method(), endpoint.name()))
          && !settingValues.contains(endpoint.name())) {
        problems.add(describe(document, endpoint, "endpoint"));
      }
    }
    for (OperatorDocument.Reference setting : document.settings()) {
      if (metadata.stream().noneMatch(m -> m.names(setting.name()))) {
        problems.add(describe(document, setting, "setting"));
      }
    }
    for (OperatorDocument.Reference meter : document.meters()) {
      if (!meters.contains(meter.name()) && !settingValues.contains(meter.name())) {
        problems.add(describe(document, meter, "metric"));
      }
    }
    for (OperatorDocument.Reference name : document.prometheusNames()) {
      if (!prometheusNames.contains(name.name()) && !settingValues.contains(name.name())) {
        problems.add(describe(document, name, "metric"));
      }
    }
    return problems;
  }

  private static String describe(
      OperatorDocument document, OperatorDocument.Reference reference, String kind) {
    String method = reference.method() == null ? "" : reference.method() + " ";
    return document.name()
        + ":"
        + reference.line()
        + ": no "
        + kind
        + " "
        + method
        + reference.name();
  }
}
