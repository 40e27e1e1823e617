package dev.flagstream.smoke;

/**
 * The post-deploy smoke suite, in the order it runs: the API checks (health of both services with
 * their components, the smoke token, the evaluator with the SDK key), the canary round trip on
 * {@value #CANARY}, then the console's critical pages in Chromium. A failed check never stops the
 * ones after it, except that the canary's steps need the canary.
 */
public final class SmokeSuite {
  /** The one flag the suite writes: created, off, when missing; always put back as found. */
  public static final String CANARY = "smoke-canary";

  private SmokeSuite() {}

  /**
   * Runs every check against {@code target}; blocks until all ran (about ten seconds against a
   * healthy deployment; each request waits at most ten seconds). Never throws for a failed check:
   * the report says what failed and why.
   */
  public static SmokeReport run(SmokeTarget target) {
    Checks checks = new Checks();
    ApiChecks.run(target, checks);
    CanaryRoundTrip.run(target, checks);
    ConsolePages.run(target, checks);
    return new SmokeReport(
        "admin " + target.adminUrl() + ", evaluator " + target.evaluatorUrl(), checks.results());
  }
}
