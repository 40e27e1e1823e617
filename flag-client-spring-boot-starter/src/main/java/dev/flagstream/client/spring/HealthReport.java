package dev.flagstream.client.spring;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.spring.FlagstreamClientProperties.StaleHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code flagstream} health, whichever Boot line reports it: READY is UP; STALE is UP (the
 * client serves the flags it last knew) or OUT_OF_SERVICE, as configured; STARTING is UNKNOWN;
 * ERROR is DOWN. The details: status, revision, data age, flags held, records skipped.
 *
 * @param status a Spring Boot health status code
 */
record HealthReport(String status, Map<String, Object> details) {

  static HealthReport of(FlagClient client, StaleHealth stale) {
    var status = client.status();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status.name());
    details.put("revision", client.revision());
    details.put("dataAge", client.dataAge().toString());
    details.put("flags", client.flags().size());
    details.put("skippedRecords", client.skippedRecords());
    return new HealthReport(code(status, stale), details);
  }

  private static String code(ClientStatus status, StaleHealth stale) {
    return switch (status) {
      case READY -> "UP";
      case STALE -> stale == StaleHealth.UP ? "UP" : "OUT_OF_SERVICE";
      case STARTING -> "UNKNOWN";
      case ERROR -> "DOWN";
    };
  }
}
