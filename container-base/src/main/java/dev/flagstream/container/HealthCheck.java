package dev.flagstream.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The health check command of Flagstream's images: asks the service in the same container for a
 * health endpoint and exits 0 when it answers 2xx, 1 otherwise (not answering, an error status, a
 * timeout). The service's port is {@code SERVER_PORT}, which every image sets; the path is the
 * first argument, {@code /health/ready} by default.
 *
 * <p>The image holds this class alone in {@code /opt/flagstream/healthcheck.jar}, so it uses
 * nothing but the JDK.
 */
public final class HealthCheck {
  /** The endpoint asked when none is given: ready to serve. */
  public static final String DEFAULT_PATH = "/health/ready";

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthCheck() {}

  /** Asks the endpoint and exits with 0 (healthy) or 1. */
  public static void main(String[] args) {
    System.exit(run(System.getenv(), args, System.out));
  }

  /**
   * Asks the endpoint {@link #target} names, prints what it answered to {@code out} and returns the
   * exit status: 0 (healthy) or 1.
   *
   * @throws IllegalArgumentException as {@link #target} does
   */
  static int run(Map<String, String> environment, String[] args, PrintStream out) {
    URI target = target(environment, args);
    int status = status(target, TIMEOUT);
    out.println(target + " answered " + (status == -1 ? "nothing" : status));
    return exitCode(status);
  }

  /**
   * The URL to ask: {@code http://127.0.0.1:<SERVER_PORT><path>}, the path being the first argument
   * or {@link #DEFAULT_PATH}.
   *
   * @throws IllegalArgumentException if {@code SERVER_PORT} is unset or not a port number
   */
  static URI target(Map<String, String> environment, String[] args) {
    String port = environment.get("SERVER_PORT");
    if (port == null || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("SERVER_PORT is not a port number: " + port);
    }
    String path = args.length > 0 ? args[0] : DEFAULT_PATH;
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with /: " + path);
    }
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * The HTTP status the target answered, or -1 when it answered nothing within the timeout: no
   * connection, no status, or a body that stalls (headers alone are no answer).
   */
  static int status(URI target, Duration timeout) {
    // No disconnect(): it closes nothing once the body is read, and the process ends right after.
    try {
      HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      int status = connection.getResponseCode();
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (body != null) {
          body.transferTo(OutputStream.nullOutputStream());
        }
      }
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  /** 0 for a 2xx answer, 1 for anything else. */
  static int exitCode(int status) {
    return status >= 200 && status < 300 ? 0 : 1;
  }
}
