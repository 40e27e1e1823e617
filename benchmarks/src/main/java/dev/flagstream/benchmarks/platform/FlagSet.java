package dev.flagstream.benchmarks.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The flags the evaluator is loaded with, in the shapes a product's flags take: a quarter on for
 * everyone, a quarter off, a quarter in a partial rollout, a quarter in a small rollout with a few
 * users listed. Imported through the admin API in a few documents, not one write each.
 */
public final class FlagSet {
  /** Flags a document imports: about 90 KB, well inside the admin's 1 MB body limit. */
  private static final int PER_IMPORT = 1_000;

  private FlagSet() {}

  /** The names of {@code count} flags: {@code prefix-0000}, {@code prefix-0001}… */
  public static List<String> names(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(String.format(Locale.ROOT, "%s-%04d", prefix, i));
    }
    return names;
  }

  /** One flag as the admin's import document lists it; its shape follows its position. */
  public static String definition(String name, int i) {
    return switch (i % 4) {
      case 0 -> "{\"name\":\"" + name + "\",\"enabled\":true,\"rolloutPercentage\":100}";
      case 1 -> "{\"name\":\"" + name + "\",\"enabled\":false,\"rolloutPercentage\":100}";
      case 2 -> "{\"name\":\"" + name + "\",\"enabled\":true,\"rolloutPercentage\":50}";
      default ->
          "{\"name\":\""
              + name
              + "\",\"enabled\":true,\"rolloutPercentage\":10,\"userAllowlist\":[\""
              + new UUID(i, 1)
              + "\",\""
              + new UUID(i, 2)
              + "\",\""
              + new UUID(i, 3)
              + "\"]}";
    };
  }

  /** Imports the flags through {@code POST /api/admin/flag-transfer}. */
  public static void create(
      HttpClient http, String adminUrl, String adminToken, List<String> names) {
    for (int from = 0; from < names.size(); from += PER_IMPORT) {
      StringBuilder document = new StringBuilder("{\"format\":\"flagstream.flags/1\",\"flags\":[");
      for (int i = from; i < Math.min(names.size(), from + PER_IMPORT); i++) {
        document.append(i == from ? "" : ",").append(definition(names.get(i), i));
      }
      document.append("]}");
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(adminUrl + "/api/admin/flag-transfer"))
              .header("Authorization", "Bearer " + adminToken)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(document.toString()))
              .build();
      HttpResponse<String> answer = Http.send(http, request);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "The import answered " + answer.statusCode() + ": " + answer.body());
      }
    }
  }

  /** Switches flag {@code name} on or off through {@code POST /api/admin/flags/{name}/toggle}. */
  public static void toggle(
      HttpClient http, String adminUrl, String adminToken, String name, boolean enabled) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(adminUrl + "/api/admin/flags/" + name + "/toggle"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
            .build();
    HttpResponse<String> answer = Http.send(http, request);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "The toggle of " + name + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  /** Waits until the evaluator answers for {@code count} flags, at most {@code patience}. */
  public static void awaitEvaluator(
      HttpClient http, String evaluatorUrl, String clientKey, int count, Duration patience) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(evaluatorUrl + "/api/evaluations/values"))
            .header("Authorization", "Bearer " + clientKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    Http.awaitFigure(
        http,
        request,
        answer -> answer.get("values").size(),
        count,
        "Flags the evaluator answers for",
        Duration.ofMillis(20),
        patience);
  }
}
