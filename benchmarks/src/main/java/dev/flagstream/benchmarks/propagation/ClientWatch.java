package dev.flagstream.benchmarks.propagation;

import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Java service's view: the Java client reading the topic, its change listener noting each version
 * it applies. Also notes, per change, the time from its commit in PostgreSQL (which the change
 * stream carries) to the listener: the platform's own share, without the admin's answer.
 */
final class ClientWatch implements AutoCloseable {
  private final Arrivals arrivals = new Arrivals("Java client listener", false);
  private final List<Duration> fromCommit = new CopyOnWriteArrayList<>();
  private final FlagClient client;

  ClientWatch(String bootstrapServers) {
    client = FlagClient.builder().kafka(bootstrapServers).build();
    client.onChange(this::changed);
  }

  private void changed(FlagChanged change) {
    long nanos = System.nanoTime();
    Instant now = Instant.now();
    if (change.current() != null) {
      arrivals.saw(change.name(), change.current().version(), nanos);
    }
    if (change.committedAt() != null) {
      fromCommit.add(Duration.between(change.committedAt(), now));
    }
  }

  Arrivals arrivals() {
    return arrivals;
  }

  FlagClient client() {
    return client;
  }

  /** Commit to listener of every change seen, including those of flags the harness set up. */
  List<Duration> fromCommit() {
    return List.copyOf(fromCommit);
  }

  void forgetCommitTimes() {
    fromCommit.clear();
  }

  @Override
  public void close() {
    client.close();
  }
}
