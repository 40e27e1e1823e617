package dev.flagstream.local.platform;

import dev.flagstream.local.infrastructure.ProcessControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One service of the platform in a JVM of its own, started from the service's executable jar with
 * its settings as command-line arguments: {@code java -jar <service>-exec.jar --name=value…}, as in
 * production. Its log goes in full to {@link #logFile()}; its console, kept to warnings and errors,
 * is relayed to the launcher's with the service's name before each line.
 *
 * <p>{@link #start()} returns once {@code /health/ready} answers 200. The service keeps its port
 * across restarts. It never outlives the JVM that started it: {@link LocalPlatform} stops it on
 * close and from a shutdown hook, and the {@link ParentWatch} agent ends it when that JVM dies
 * without running hooks. Thread-safe; the lifecycle methods block until done.
 */
public final class ServiceProcess implements AutoCloseable {
  /** How long {@link #start()} waits for the service to be ready. */
  public static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** How long {@link #stop()} lets the service shut down gracefully before killing it. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final String name;
  private final Path jar;
  private final int port;
  private final Path logFile;
  private final Map<String, String> settings;
  private final ServiceOutput output;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  // Volatile for the shutdown hook, which must not wait for a lock a blocked start() may hold.
  private volatile @Nullable Process process;
  private volatile boolean frozen;
  private volatile long launchedAt;
  private volatile @Nullable Duration startupTime;

  ServiceProcess(
      String name,
      Path jar,
      int port,
      Path logFile,
      Map<String, String> settings,
      ServiceOutput output) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.logFile = logFile;
    this.settings = new LinkedHashMap<>(settings);
    this.output = output;
  }

  /** The service's name, as in its log lines and {@code spring.application.name}. */
  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** {@code http://localhost:}{@link #port()}, without a trailing slash. */
  public String url() {
    return "http://localhost:" + port;
  }

  /** The file the service logs to in full, appended to on every start. */
  public Path logFile() {
    return logFile;
  }

  /** The settings the service is started with, name to value, as passed on its command line. */
  public Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  /** Whether its process is alive (a frozen one is). */
  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /**
   * The process id of the service's JVM, e.g. to measure its memory.
   *
   * @throws IllegalStateException when it is not running
   */
  public long pid() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    return running.pid();
  }

  /** Completes when the current process exits; at once when none runs. */
  CompletableFuture<?> onExit() {
    Process running = process;
    return running == null ? CompletableFuture.completedFuture(null) : running.onExit();
  }

  /**
   * Starts the service unless it is running, and blocks until it is ready, at most {@link
   * #START_TIMEOUT}.
   *
   * @throws IllegalStateException when it exits or is not ready in time (its process is gone then);
   *     the message holds its last console lines and names its log
   */
  public synchronized void start() {
    launch();
    awaitReady();
  }

  /** Starts the process and returns at once; {@link #awaitReady()} waits for it. */
  synchronized void launch() {
    if (isRunning()) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + AgentJar.parentWatch() + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.toString());
    settings.forEach((setting, value) -> command.add("--" + setting + "=" + value));
    try {
      launchedAt = System.nanoTime();
      startupTime = null;
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    frozen = false;
    output.unmute();
    output.relay(process.getInputStream(), name + "-console");
  }

  /**
   * Blocks until the launched service answers {@code /health/ready} again, at most {@link
   * #START_TIMEOUT}: after one of the parts it depends on came back, say, for a scenario that must
   * begin with the platform whole.
   *
   * @throws IllegalStateException as {@link #start()} does, or when it was never launched
   */
  public synchronized void awaitReady() {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException(name + " was not launched");
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try {
      while (!ready()) {
        // Waiting on the process, rather than sleeping, notices its death at once.
        if (running.waitFor(200, TimeUnit.MILLISECONDS)) {
          throw failed("exited with status " + running.exitValue() + " while starting");
        }
        if (System.nanoTime() - deadline > 0) {
          kill();
          throw failed("was not ready within " + START_TIMEOUT.toSeconds() + " s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException("interrupted while " + name + " was starting", e);
    }
    if (startupTime == null) {
      startupTime = Duration.ofNanos(System.nanoTime() - launchedAt);
    }
  }

  /**
   * How long its latest start took, from launching its JVM until {@code /health/ready} answered
   * 200; empty while it starts and when it never started.
   */
  public Optional<Duration> startupTime() {
    return Optional.ofNullable(startupTime);
  }

  private boolean ready() throws InterruptedException {
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url() + "/health/ready")).timeout(PROBE_TIMEOUT).build();
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    }
  }

  private IllegalStateException failed(String what) {
    process = null;
    output.awaitEnd(Duration.ofSeconds(5));
    return new IllegalStateException(
        name
            + " "
            + what
            + "; its log is "
            + logFile
            + "; its last console lines:\n"
            + String.join("\n", output.recentLines()));
  }

  /**
   * Shuts the service down gracefully (SIGTERM) and waits until its process has exited; it is
   * killed if that takes over {@link #STOP_GRACE}. Does nothing when it is not running.
   */
  public synchronized void stop() {
    Process running = process;
    if (running != null) {
      output.mute();
      thawForExit(running);
      ProcessControl.terminate(running, STOP_GRACE);
      process = null;
    }
  }

  /**
   * Kills the service's process at once (SIGKILL), as a crash would, and waits until it is gone.
   */
  public synchronized void kill() {
    Process running = process;
    if (running != null) {
      output.mute();
      running.destroyForcibly();
      ProcessControl.awaitExit(running, STOP_GRACE);
      process = null;
      frozen = false;
    }
  }

  /** {@link #stop()}, then {@link #start()}: same port, same settings, same log file. */
  public synchronized void restart() {
    stop();
    start();
  }

  /**
   * Pauses the service's process (SIGSTOP): its connections stay open, but it answers nothing, as a
   * hung service would, until {@link #thaw()}. {@link #stop()} and {@link #kill()} thaw it first.
   *
   * @throws IllegalStateException when it is not running
   */
  public synchronized void freeze() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    ProcessControl.signal(running, "STOP");
    frozen = true;
  }

  /** Lets a frozen service run again (SIGCONT); no-op otherwise. */
  public synchronized void thaw() {
    Process running = process;
    if (frozen && running != null && running.isAlive()) {
      ProcessControl.signal(running, "CONT");
    }
    frozen = false;
  }

  /** Whether {@link #freeze()} paused it and it has not been thawed since. */
  public boolean isFrozen() {
    return frozen;
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Stops the service from a shutdown hook, without taking the lock a start may hold. */
  void release() {
    Process running = process;
    if (running != null) {
      output.mute();
      thawForExit(running);
      ProcessControl.terminate(running, STOP_GRACE);
    }
  }

  private void thawForExit(Process running) {
    if (frozen && running.isAlive()) {
      // A paused process keeps SIGTERM pending; it must run to shut down.
      ProcessControl.signal(running, "CONT");
    }
    frozen = false;
  }
}
