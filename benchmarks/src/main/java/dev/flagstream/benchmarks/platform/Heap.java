package dev.flagstream.benchmarks.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap in use after a full collection: what a process keeps, not what it has yet to collect. */
public final class Heap {
  private static final Pattern USED = Pattern.compile("heap\\s+total\\s+\\d+K, used (\\d+)K");

  private Heap() {}

  /** Bytes of heap {@code pid} uses after a full collection, asked through {@code jcmd}. */
  public static long ofProcess(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return used(jcmd(pid, "GC.heap_info"));
  }

  public static long used(String heapInfo) {
    Matcher matcher = USED.matcher(heapInfo);
    if (!matcher.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said no heap use: " + heapInfo.strip());
    }
    return Long.parseLong(matcher.group(1)) * 1024;
  }

  /** Bytes of heap this JVM uses after full collections. */
  public static long ofThisJvm() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + said.strip());
    }
    return said;
  }
}
