package dev.flagstream.smoke;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs checks one after the other, timing each and turning what it throws into words. */
final class Checks {
  /** A check's body: returns when it passes, throws when it does not. */
  interface Body {
    void run() throws Exception;
  }

  private final List<CheckResult> results = new ArrayList<>();

  /** Runs {@code body} as the check {@code name} of {@code group}; true when it passed. */
  boolean run(String group, String name, Body body) {
    long began = System.nanoTime();
    String failure = null;
    try {
      body.run();
    } catch (SmokeFailure e) {
      failure = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (Exception | AssertionError e) {
      failure = describe(e);
    }
    results.add(new CheckResult(group, name, Duration.ofNanos(System.nanoTime() - began), failure));
    return failure == null;
  }

  List<CheckResult> results() {
    return List.copyOf(results);
  }

  /** An unexpected exception in words: the cause that says most, e.g. a refused connection. */
  static String describe(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof ConnectException || cause instanceof HttpTimeoutException) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof ConnectException) {
      return "cannot connect: is the service running, and is the URL right? (" + cause + ")";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer in time: " + cause.getMessage();
    }
    if (cause instanceof IOException) {
      return "connection failed: " + cause;
    }
    return String.valueOf(thrown.getMessage() == null ? thrown : thrown.getMessage());
  }
}
