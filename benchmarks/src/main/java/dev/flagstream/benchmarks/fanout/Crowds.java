package dev.flagstream.benchmarks.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browsers of a fan-out run: {@link Crowd} processes, each holding its share of the streams,
 * started with this JVM's class path. Several, because one process may hold only so many sockets
 * (its open-file limit), and the harness's own JVM also holds the Kafka broker's.
 */
final class Crowds implements AutoCloseable {
  private final List<Member> members = new ArrayList<>();
  private int opened;
  private int failed;

  private record Member(Process process, BufferedReader answers, PrintWriter commands) {}

  /**
   * Starts the crowds and waits until every stream is open or refused.
   *
   * @param flag the flag whose events are timed
   * @param perProcess the most streams one process holds
   * @param maxEvents the most flag events whose arrival each stream keeps
   * @param logs where each process's errors go
   */
  Crowds(
      String evaluatorUrl,
      String key,
      String flag,
      int streams,
      int perProcess,
      int maxEvents,
      long openMillis,
      Path logs)
      throws IOException {
    int processes = (streams + perProcess - 1) / perProcess;
    for (int p = 0; p < processes; p++) {
      int count = streams / processes + (p < streams % processes ? 1 : 0);
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Crowd.class.getName(),
                  evaluatorUrl,
                  key,
                  flag,
                  "fanout-" + p + "-",
                  Integer.toString(count),
                  Integer.toString(maxEvents),
                  Long.toString(openMillis))
              .redirectError(logs.resolve("crowd-" + p + ".log").toFile())
              .start();
      members.add(
          new Member(
              process,
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
              new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)));
    }
    for (Member member : members) {
      String[] said = answer(member).split(" ");
      if (!said[0].equals("opened")) {
        throw new IllegalStateException("A crowd said " + String.join(" ", said));
      }
      opened += Integer.parseInt(said[1]);
      failed += Integer.parseInt(said[3]);
    }
  }

  /** Streams that got their snapshot. */
  int opened() {
    return opened;
  }

  /** Streams refused, or closed before their snapshot. */
  int failed() {
    return failed;
  }

  /**
   * The moment ({@link System#nanoTime()}) each stream got its {@code events}-th flag event, -1 for
   * those that had not within {@code patienceMillis}.
   */
  List<Long> awaitArrivals(int events, long patienceMillis) throws IOException {
    members.forEach(member -> member.commands().println("await " + events + " " + patienceMillis));
    List<Long> arrivals = new ArrayList<>();
    for (Member member : members) {
      String said = answer(member);
      if (!said.startsWith("arrivals")) {
        throw new IllegalStateException("A crowd said " + said);
      }
      for (String arrival : said.substring("arrivals".length()).strip().split(" ")) {
        if (!arrival.isEmpty()) {
          arrivals.add(Long.parseLong(arrival));
        }
      }
    }
    return arrivals;
  }

  private static String answer(Member member) throws IOException {
    String line = member.answers().readLine();
    if (line == null) {
      throw new IllegalStateException("A crowd process ended early; see its log beside the report");
    }
    return line;
  }

  @Override
  public void close() {
    for (Member member : members) {
      member.commands().println("quit");
    }
    for (Member member : members) {
      try {
        if (!member.process().waitFor(30, TimeUnit.SECONDS)) {
          member.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        member.process().destroyForcibly();
      }
    }
  }
}
