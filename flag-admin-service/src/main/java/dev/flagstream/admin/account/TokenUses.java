package dev.flagstream.admin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Notes that an API token was used, for the token list's "last used": in the database at most once
 * {@link #EVERY} a token, and decided here, in memory, so that the requests of a token already
 * noted within that time cost no statement at all (an automation writing hundreds of changes a
 * second would otherwise add an UPDATE to each). Each admin instance decides for itself; the
 * UPDATE's own condition keeps several instances to about one write a minute between them.
 */
@Component
class TokenUses {
  /** How often the use of one token is written down. */
  static final Duration EVERY = Duration.ofMinutes(1);

  /** Past this many tokens held, those noted longer than {@link #EVERY} ago are forgotten. */
  static final int FORGET_ABOVE = 10_000;

  private final Consumer<String> touch;
  private final Clock clock;
  // By the token's hash, never its secret: this map lives as long as the process.
  private final ConcurrentHashMap<String, Instant> noted = new ConcurrentHashMap<>();

  @Autowired
  TokenUses(TokenRepository tokens, Clock clock) {
    this(tokens::touch, clock);
  }

  /**
   * @param touch writes down the use of the token whose hash it is given
   */
  TokenUses(Consumer<String> touch, Clock clock) {
    this.touch = touch;
    this.clock = clock;
  }

  /**
   * A request was authenticated by a token.
   *
   * @param tokenHash the token's {@link TokenSecrets#hash}, as the request's lookup took it
   */
  void used(String tokenHash) {
    Instant now = clock.instant();
    Instant last = noted.get(tokenHash);
    if (last != null && now.isBefore(last.plus(EVERY))) {
      return;
    }
    touch.accept(tokenHash);
    noted.put(tokenHash, now);
    if (noted.size() > FORGET_ABOVE) {
      noted.values().removeIf(at -> !now.isBefore(at.plus(EVERY)));
    }
  }

  /** How many tokens are held; for tests. */
  int held() {
    return noted.size();
  }
}
