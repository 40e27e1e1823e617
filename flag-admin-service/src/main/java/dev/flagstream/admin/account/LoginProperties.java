package dev.flagstream.admin.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in resists guessing, {@code flags.login.*}. Failed sign-ins are counted per account and
 * per source address: after a number of free failures each further one makes the subject wait,
 * twice as long as the last time up to a ceiling, so no one is locked out for good. A subject with
 * no failure for {@code forgetAfter} starts afresh. With the defaults an account admits about 70
 * failures an hour and an address about 35, within ASVS's 100 failures per account per hour.
 *
 * @param account the limit per account: a hash of the email, whether or not the account exists
 * @param address the limit per source address (for IPv6, per /64 network)
 * @param forgetAfter how long without a failure before a subject's count starts afresh
 * @param maxConcurrentHashes how many password hashes may be computed at once; 0 derives it from
 *     the heap (an eighth of it, at {@link Passwords#MEMORY_KIB} each) and the processor count (two
 *     per processor); sign-ins beyond it get 429 at once
 */
@ConfigurationProperties("flags.login")
record LoginProperties(
    @DefaultValue Limit account,
    @DefaultValue Limit address,
    @DefaultValue("1h") Duration forgetAfter,
    @DefaultValue("0") int maxConcurrentHashes) {

  /**
   * One subject's limit.
   *
   * @param freeFailures failures that cost no wait
   * @param maxDelay the longest wait after a failure
   */
  record Limit(@DefaultValue("5") int freeFailures, @DefaultValue("1m") Duration maxDelay) {
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    /** How long the subject must wait after its {@code failures}-th failure in a row. */
    Duration delayAfter(int failures) {
      int beyond = failures - freeFailures;
      if (beyond <= 0) {
        return Duration.ZERO;
      }
      // 1 s, 2 s, 4 s … until the ceiling; the shift stops growing long before it could overflow
      Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(beyond - 1, 30));
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }
}
