package dev.flagstream.evaluator.store;

import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.evaluator.system.Problems;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Read your own writes: a read that names a change (its revision token, as the admin service wrote
 * it) waits until the store has applied that change, at most {@code
 * flags.read-your-writes.max-wait}, then goes on with what the store holds and says whether the
 * change was reached. At most {@code flags.read-your-writes.max-waiting} requests wait at once;
 * others are answered at once, still saying whether the change was reached, so that waiting can
 * never tie up the server.
 */
@Component
public final class ReadYourWrites {
  /** The request header with the tokens, as the admin service's response carried them. */
  public static final String TOKEN_HEADER = "Flagstream-Revision";

  /** The query parameter with the tokens, for callers that cannot send headers. */
  public static final String TOKEN_PARAMETER = "minRevision";

  /** The response header saying whether the named changes were reached. */
  public static final String REACHED_HEADER = "Flagstream-Revision-Reached";

  private final FlagClient flags;
  private final Duration maxWait;
  private final Semaphore waiting;

  ReadYourWrites(
      FlagClient flags,
      @Value("${flags.read-your-writes.max-wait:2s}") Duration maxWait,
      @Value("${flags.read-your-writes.max-waiting:64}") int maxWaiting) {
    if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException(
          "flags.read-your-writes.max-wait must be between 0 and 30s, was " + maxWait);
    }
    this.flags = flags;
    this.maxWait = maxWait;
    this.waiting = new Semaphore(Math.max(0, maxWaiting));
  }

  /**
   * Waits for the changes named by the header and the query parameter, when either is given.
   *
   * @return whether every named change was reached; null when none was named
   * @throws org.springframework.web.ErrorResponseException a 400 naming {@code minRevision} when a
   *     token is malformed
   */
  public @Nullable Boolean await(@Nullable String header, @Nullable String parameter) {
    if (header == null && parameter == null) {
      return null;
    }
    String tokens =
        Stream.of(header, parameter).filter(text -> text != null).collect(Collectors.joining(","));
    try {
      RevisionToken.parseAll(tokens);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid(
          TOKEN_PARAMETER, Objects.requireNonNullElse(e.getMessage(), "is not a revision token"));
    }
    boolean mayWait = waiting.tryAcquire();
    try {
      return flags.awaitRevision(tokens, mayWait ? maxWait : Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (mayWait) {
        waiting.release();
      }
    }
  }

  /** The response headers that tell whether the named changes were reached. */
  public static HttpHeaders headers(@Nullable Boolean reached) {
    HttpHeaders headers = new HttpHeaders();
    if (reached != null) {
      headers.set(REACHED_HEADER, reached.toString());
    }
    return headers;
  }
}
