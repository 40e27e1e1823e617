package dev.flagstream.local.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the local run prints once the platform is ready: where everything is, how to sign in. */
final class Banner {
  private Banner() {}

  /**
   * @param startup from the launcher's start until both services were ready
   * @param memory how much memory each part holds, one line, see {@link #memory}
   */
  static String of(LocalPlatform platform, Duration startup, String memory) {
    LocalCredentials credentials = platform.credentials();
    String admin = platform.admin().url();
    String evaluator = platform.evaluator().url();
    return String.join(
        "\n",
        "",
        "  Flagstream is running (data in " + platform.home() + ")",
        "",
        "    admin service   " + admin + "   health: " + admin + "/health/ready",
        "    evaluator       " + evaluator + "   health: " + evaluator + "/health/ready",
        "    kafka           "
            + platform.kafka().bootstrapServers()
            + "   topic: "
            + LocalPlatform.TOPIC,
        "    postgres        "
            + platform.postgres().jdbcUrl()
            + "   user: "
            + platform.postgres().user(),
        "    console         " + admin + "/   API reference: " + admin + "/swagger-ui/index.html",
        "    sign in         " + credentials.email() + " / " + credentials.password(),
        "    API token       " + credentials.token(),
        "    SDK keys        server "
            + credentials.serverKey()
            + "   client "
            + credentials.clientKey(),
        "",
        "    curl -H 'Authorization: Bearer "
            + credentials.token()
            + "' "
            + admin
            + "/api/admin/flags",
        "    curl -H 'Authorization: Bearer "
            + credentials.serverKey()
            + "' '"
            + evaluator
            + "/api/flags/<flag>/evaluation?userId=123'",
        "",
        "    logs            " + platform.logDirectory() + " (one file per part)",
        "    started in      " + seconds(startup) + ": " + startupTimes(platform),
        "    memory          " + memory,
        "",
        "  Ctrl-C stops everything; the data stays for the next run.",
        "");
  }

  /** {@code postgres 1.2 s, kafka 3.4 s, …}: how long each part took to start. */
  static String startupTimes(LocalPlatform platform) {
    return platform.startupTimes().entrySet().stream()
        .map(part -> part.getKey() + " " + seconds(part.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
  }

  /**
   * The memory of each part: the resident set of each JVM, and PostgreSQL's processes together with
   * shared memory counted once.
   */
  static String memory(LocalPlatform platform) {
    long postgres = platform.postgres().pid();
    return String.format(
        Locale.ROOT,
        "admin %s, evaluator %s, kafka %s (RSS); postgres %s (%d processes, PSS)",
        ProcessMemory.megabytes(ProcessMemory.residentBytes(platform.admin().pid())),
        ProcessMemory.megabytes(ProcessMemory.residentBytes(platform.evaluator().pid())),
        ProcessMemory.megabytes(ProcessMemory.residentBytes(platform.kafka().pid())),
        ProcessMemory.megabytes(ProcessMemory.treeBytes(postgres)),
        ProcessMemory.treeSize(postgres));
  }
}
