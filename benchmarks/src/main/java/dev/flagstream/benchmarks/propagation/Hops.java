package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.HopMetrics;
import dev.flagstream.local.platform.LocalPlatform;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The services' own timers of the path, each from the change's commit in PostgreSQL: to the capture
 * having it in hand ({@code flagstream.cdc.commit.to.capture}), to Kafka's acknowledgement ({@code
 * flagstream.cdc.commit.to.publish}), to the evaluator's store ({@code
 * flagstream.store.propagation}). Together with the harness's figures they tell where the time
 * goes.
 */
final class Hops {
  static final List<String> ADMIN_TIMERS =
      List.of("flagstream_cdc_commit_to_capture", "flagstream_cdc_commit_to_publish");
  static final String EVALUATOR_TIMER = "flagstream_store_propagation";

  private final HttpClient http;
  private final LocalPlatform platform;

  Hops(HttpClient http, LocalPlatform platform) {
    this.http = http;
    this.platform = platform;
  }

  /** Every timer as it stands now, in the order of the path. */
  List<HopMetrics> read() {
    List<HopMetrics> timers = new ArrayList<>();
    for (String timer : ADMIN_TIMERS) {
      timers.add(
          HopMetrics.read(http, platform.admin().url(), platform.credentials().token(), timer));
    }
    timers.add(
        HopMetrics.read(
            http, platform.evaluator().url(), platform.credentials().serverKey(), EVALUATOR_TIMER));
    return timers;
  }

  /** What each timer recorded since {@code start}. */
  List<HopMetrics> since(List<HopMetrics> start) {
    List<HopMetrics> now = read();
    List<HopMetrics> recorded = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      recorded.add(now.get(i).since(start.get(i)));
    }
    return recorded;
  }
}
