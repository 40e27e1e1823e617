package dev.flagstream.admin.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins per account and per source address, kept in the {@code sign_in_throttle} table so
 * that every replica of the admin service sees the same counts. Times come from the service's
 * clock; replicas' clocks are assumed to agree within a second, as NTP keeps them.
 */
@Repository
class SignInThrottle {
  private static final int FORGOTTEN_PER_FAILURE = 100;

  private final JdbcClient jdbc;
  private final LoginProperties limits;
  private final Clock clock;

  SignInThrottle(JdbcClient jdbc, LoginProperties limits, Clock clock) {
    this.jdbc = jdbc;
    this.limits = limits;
    this.clock = clock;
  }

  /** How long the account or the address must still wait, if either must. Changes nothing. */
  Optional<Duration> retryAfter(SignInSubjects subjects) {
    Instant now = clock.instant();
    Optional<Timestamp> until =
        jdbc.sql(
                "SELECT blocked_until FROM sign_in_throttle WHERE subject IN (?, ?)"
                    + " AND blocked_until > ? ORDER BY blocked_until DESC LIMIT 1")
            .params(subjects.account(), subjects.address(), Timestamp.from(now))
            .query(Timestamp.class)
            .optional();
    return until.map(t -> Duration.between(now, t.toInstant()));
  }

  /**
   * Whether this refusal is the first of the wait the account or the address is in, marking it
   * seen: true once per subject and wait, so that throttling is audited without refusals, which
   * cost nothing, filling the audit log. Runs in the caller's transaction.
   */
  boolean firstRefusal(SignInSubjects subjects) {
    return !jdbc.sql(
            "UPDATE sign_in_throttle SET refusal_audited_until = blocked_until"
                + " WHERE subject IN (?, ?) AND blocked_until > ?"
                + " AND refusal_audited_until IS DISTINCT FROM blocked_until RETURNING subject")
        .params(subjects.account(), subjects.address(), Timestamp.from(clock.instant()))
        .query(String.class)
        .list()
        .isEmpty();
  }

  /** Counts a failure against both subjects; runs in the caller's transaction. */
  void failed(SignInSubjects subjects) {
    Instant now = clock.instant();
    count(subjects.account(), limits.account(), now);
    count(subjects.address(), limits.address(), now);
    forgetOld(now);
  }

  /** The account proved itself: its failures are forgiven. The address's are not. */
  void succeeded(SignInSubjects subjects) {
    jdbc.sql("DELETE FROM sign_in_throttle WHERE subject = ?").param(subjects.account()).update();
  }

  private void count(String subject, LoginProperties.Limit limit, Instant now) {
    Timestamp at = Timestamp.from(now);
    int failures =
        jdbc.sql(
                "INSERT INTO sign_in_throttle AS t (subject, failures, last_failure_at,"
                    + " blocked_until) VALUES (:subject, 1, :now, :now)"
                    + " ON CONFLICT (subject) DO UPDATE SET failures = CASE"
                    + " WHEN t.last_failure_at < :forgottenBefore THEN 1 ELSE t.failures + 1 END,"
                    + " last_failure_at = :now RETURNING failures")
            .param("subject", subject)
            .param("now", at)
            .param("forgottenBefore", Timestamp.from(now.minus(limits.forgetAfter())))
            .query(Integer.class)
            .single();
    Duration delay = limit.delayAfter(failures);
    if (!delay.isZero()) {
      jdbc.sql(
              "UPDATE sign_in_throttle SET blocked_until = GREATEST(blocked_until, ?)"
                  + " WHERE subject = ?")
          .params(Timestamp.from(now.plus(delay)), subject)
          .update();
    }
  }

  // Rows nobody has failed for in a while are dead weight; a few go with every failure. Rows
  // another sign-in holds are skipped, so concurrent clean-ups never wait for each other.
  private void forgetOld(Instant now) {
    jdbc.sql(
            "DELETE FROM sign_in_throttle WHERE subject IN (SELECT subject FROM sign_in_throttle"
                + " WHERE last_failure_at < ? AND blocked_until < ? LIMIT ? FOR UPDATE SKIP LOCKED)")
        .params(
            Timestamp.from(now.minus(limits.forgetAfter())),
            Timestamp.from(now),
            FORGOTTEN_PER_FAILURE)
        .update();
  }
}
