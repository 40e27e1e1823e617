package dev.flagstream.smoke;

import tools.jackson.databind.JsonNode;

/**
 * The canary round trip: {@value SmokeSuite#CANARY} (created, switched off, when missing) is
 * switched through the admin API, the evaluator shows the switch to a read carrying the write's
 * revision token, the audit log holds the row, and the flag is switched back. No other flag is read
 * or written.
 */
final class CanaryRoundTrip {
  static final String REVISION = "Flagstream-Revision";
  private static final String FLAG = "/api/admin/flags/" + SmokeSuite.CANARY;

  private final Api admin;
  private final Api evaluator;

  CanaryRoundTrip(SmokeTarget target) {
    this.admin = new Api(target.adminUrl(), target.token());
    this.evaluator = new Api(target.evaluatorUrl(), target.sdkKey());
  }

  static void run(SmokeTarget target, Checks checks) {
    CanaryRoundTrip canary = new CanaryRoundTrip(target);
    boolean[] before = new boolean[1];
    if (!checks.run("canary", SmokeSuite.CANARY + " exists", () -> before[0] = canary.ensure())) {
      return;
    }
    boolean switched = !before[0];
    String[] revision = new String[1];
    if (!checks.run(
        "canary",
        "switch " + SmokeSuite.CANARY + (switched ? " on" : " off") + " through the admin API",
        () -> revision[0] = canary.toggle(switched))) {
      return;
    }
    try {
      checks.run(
          "canary",
          "the evaluator reads the switch with its revision token",
          () -> canary.evaluatorSees(revision[0], switched));
      checks.run(
          "canary", "the audit log has the switch", () -> canary.auditHas(revision[0], switched));
    } finally {
      checks.run(
          "canary",
          "put " + SmokeSuite.CANARY + " back" + (before[0] ? " on" : " off"),
          () -> canary.toggle(before[0]));
    }
  }

  /** Creates the canary, off, when missing; returns whether it is on now. */
  boolean ensure() throws Exception {
    Api.Reply found = admin.get(FLAG);
    if (found.status() == 404) {
      found =
          admin
              .post(
                  "/api/admin/flags",
                  "{\"name\":\""
                      + SmokeSuite.CANARY
                      + "\",\"description\":\"Switched on and back off by the post-deploy smoke"
                      + " suite; read by nothing\",\"enabled\":false,\"rolloutPercentage\":100}")
              .expect(201);
    } else {
      found.expect(200);
    }
    return found.json().path("enabled").asBoolean();
  }

  /** Switches the canary to {@code enabled}; returns the write's revision token. */
  String toggle(boolean enabled) throws Exception {
    Api.Reply reply = admin.post(FLAG + "/toggle", "{\"enabled\":" + enabled + "}").expect(200);
    String revision = reply.header(REVISION);
    if (revision == null) {
      throw new SmokeFailure(reply.request() + " answered without " + REVISION);
    }
    return revision;
  }

  void evaluatorSees(String revision, boolean enabled) throws Exception {
    JsonNode read =
        evaluator
            .get("/api/flags/" + SmokeSuite.CANARY + "/evaluation?userId=smoke", REVISION, revision)
            .expect(200)
            .json();
    long version = Long.parseLong(revision.substring(revision.lastIndexOf('@') + 1));
    SmokeFailure.check(
        read.path("revisionReached").asBoolean(),
        "the evaluator did not reach revision %s within its wait: %s",
        revision,
        Api.cut(read.toString()));
    SmokeFailure.check(
        read.path("version").asLong() == version,
        "the evaluator answered version %d, expected %d (%s)",
        read.path("version").asLong(),
        version,
        revision);
    SmokeFailure.check(
        enabled || !read.path("value").asBoolean(),
        "the evaluator answered true for a flag that is off: %s",
        Api.cut(read.toString()));
  }

  /** The audit row is written in the write's own transaction: it is there once the write is. */
  void auditHas(String revision, boolean enabled) throws Exception {
    JsonNode entries =
        admin
            .get("/api/admin/audit?flag=" + SmokeSuite.CANARY + "&action=FLAG_TOGGLED&limit=5")
            .expect(200)
            .json();
    for (JsonNode entry : entries) {
      JsonNode after = entry.path("after");
      if (after.path("enabled").asBoolean() == enabled
          && revision.endsWith("@" + after.path("version").asLong())) {
        return;
      }
    }
    throw new SmokeFailure(
        "no FLAG_TOGGLED audit row for "
            + revision
            + " among the latest: "
            + Api.cut(entries.toString()));
  }
}
