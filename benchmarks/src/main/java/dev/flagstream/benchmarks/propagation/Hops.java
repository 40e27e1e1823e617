package dev.flagstream.benchmarks.propagation;

import dev.flagstream.local.platform.LocalPlatform;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The services' own timers of the path: the admin's commit to Kafka's acknowledgement ({@code
 * flagstream.cdc.commit.to.publish}), and the commit to the evaluator's store ({@code
 * flagstream.store.propagation}). Together with the harness's figures they tell where the time
 * goes.
 */
final class Hops {
  static final String COMMIT_TO_PUBLISH = "flagstream_cdc_commit_to_publish";
  static final String COMMIT_TO_EVALUATOR = "flagstream_store_propagation";

  private final HttpClient http;
  private final LocalPlatform platform;

  Hops(HttpClient http, LocalPlatform platform) {
    this.http = http;
    this.platform = platform;
  }

  record Reading(HopMetrics published, HopMetrics applied) {}

  Reading read() {
    return new Reading(
        HopMetrics.read(
            http, platform.admin().url(), platform.credentials().token(), COMMIT_TO_PUBLISH),
        HopMetrics.read(
            http,
            platform.evaluator().url(),
            platform.credentials().serverKey(),
            COMMIT_TO_EVALUATOR));
  }

  /** What the timers recorded since {@code start}: commit to published, commit to applied. */
  List<HopMetrics> since(Reading start) {
    Reading now = read();
    return List.of(now.published().since(start.published()), now.applied().since(start.applied()));
  }
}
