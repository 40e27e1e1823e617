package dev.flagstream.benchmarks.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timer of a service, as its {@code /prometheus} endpoint publishes it: cumulative bucket
 * counts. Two readings, before and after a run, give the run's own distribution, and a percentile
 * of it to the bucket's precision (Micrometer's buckets are about 10 % apart in this range).
 */
public record HopMetrics(String name, Map<Double, Long> buckets) {
  private static final Pattern BUCKET =
      Pattern.compile("^(\\w+)_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\}\\s+(\\S+)$");

  /** Reads timer {@code name} (its Prometheus name, without {@code _seconds}) from a service. */
  public static HopMetrics read(HttpClient http, String serviceUrl, String key, String name) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(serviceUrl + "/prometheus"))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofSeconds(10))
            .build();
    String body;
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(serviceUrl + "/prometheus answered " + answer.statusCode());
      }
      body = answer.body();
    } catch (IOException e) {
      throw new IllegalStateException("Could not read " + serviceUrl + "/prometheus", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Map<Double, Long> buckets = new TreeMap<>();
    for (String line : body.split("\n")) {
      Matcher bucket = BUCKET.matcher(line);
      if (bucket.matches() && bucket.group(1).equals(name + "_seconds")) {
        double bound =
            bucket.group(2).equals("+Inf")
                ? Double.POSITIVE_INFINITY
                : Double.parseDouble(bucket.group(2));
        buckets.merge(bound, (long) Double.parseDouble(bucket.group(3)), Long::sum);
      }
    }
    return new HopMetrics(name, buckets);
  }

  /** What was recorded since {@code before}. */
  public HopMetrics since(HopMetrics before) {
    Map<Double, Long> delta = new TreeMap<>();
    buckets.forEach(
        (bound, count) -> delta.put(bound, count - before.buckets.getOrDefault(bound, 0L)));
    return new HopMetrics(name, delta);
  }

  public long count() {
    return buckets.getOrDefault(Double.POSITIVE_INFINITY, 0L);
  }

  /** The upper bound of the bucket that holds the {@code fraction} quantile; null when empty. */
  public Duration percentile(double fraction) {
    long total = count();
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(fraction * total);
    for (var bucket : buckets.entrySet()) {
      if (bucket.getValue() >= rank) {
        return bucket.getKey().isInfinite()
            ? null
            : Duration.ofNanos((long) (bucket.getKey() * 1e9));
      }
    }
    return null;
  }
}
