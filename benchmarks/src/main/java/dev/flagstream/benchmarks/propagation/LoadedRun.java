package dev.flagstream.benchmarks.propagation;

import dev.flagstream.local.platform.LocalPlatform;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * The loaded phase: admin writes at a steady rate over the flags, round robin, by two writers that
 * each own half of the flags (a flag's changes stay in order, so its stream events count right),
 * while {@link EvaluationLoad} asks the evaluator at its rate.
 */
final class LoadedRun {
  private static final int WRITERS = 2;
  private final HttpClient http;
  private final LocalPlatform platform;
  private final AdminApi admin;
  private final List<String> flags;
  private final Map<String, Boolean> enabled;
  private final Map<String, Long> ordinals = new ConcurrentHashMap<>();
  private double achievedWrites;
  private double achievedEvaluations;
  private long failedEvaluations;
  private String generator = "";

  LoadedRun(
      HttpClient http,
      LocalPlatform platform,
      AdminApi admin,
      List<String> flags,
      Map<String, Boolean> enabled,
      long probeChanges) {
    this.http = http;
    this.platform = platform;
    this.admin = admin;
    this.flags = flags;
    this.enabled = enabled;
    flags.forEach(flag -> ordinals.put(flag, 0L));
    // The probe was changed one change at a time before.
    ordinals.put(flags.get(0), probeChanges);
  }

  List<Change> run(Options options) throws InterruptedException {
    List<Change> changes = new CopyOnWriteArrayList<>();
    long writes = (long) options.loadSeconds() * options.writesPerSecond();
    long intervalNanos = 1_000_000_000L * WRITERS / Math.max(1, options.writesPerSecond());
    long started = System.nanoTime();
    EvaluationLoad load =
        EvaluationLoad.start(
            http,
            platform.evaluator().url(),
            platform.credentials().serverKey(),
            flags,
            options.evaluationsPerSecond(),
            options.loadSeconds());
    try {
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread =
            new Thread(
                () -> {
                  long next = System.nanoTime() + writer * intervalNanos / WRITERS;
                  int mine = 0;
                  for (long i = writer; i < writes; i += WRITERS) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += intervalNanos;
                    String flag = ownFlag(writer, mine++);
                    boolean on = !enabled.get(flag);
                    enabled.put(flag, on);
                    changes.add(admin.toggle(flag, ordinals.merge(flag, 1L, Long::sum), on));
                  }
                },
                "admin-writer-" + w);
        thread.start();
        writers.add(thread);
      }
      for (Thread thread : writers) {
        thread.join();
      }
      achievedWrites = changes.size() * 1e9 / (System.nanoTime() - started);
    } finally {
      load.close();
    }
    generator = load.generator();
    achievedEvaluations = load.achievedPerSecond();
    failedEvaluations = load.failed();
    return List.copyOf(changes);
  }

  /** The writer's {@code n}-th flag: writer w owns the flags at w, w + WRITERS, … */
  private String ownFlag(int writer, int n) {
    int owned = (flags.size() - writer + WRITERS - 1) / WRITERS;
    return flags.get(writer + (n % owned) * WRITERS);
  }

  String describe(Options options) {
    return String.format(
        Locale.ROOT,
        "under load: %.0f admin writes/s (asked %d) over %d flags, %.0f evaluations/s (asked %d,"
            + " %d failed, from %s), %d s",
        achievedWrites,
        options.writesPerSecond(),
        flags.size(),
        achievedEvaluations,
        options.evaluationsPerSecond(),
        failedEvaluations,
        generator,
        options.loadSeconds());
  }
}
