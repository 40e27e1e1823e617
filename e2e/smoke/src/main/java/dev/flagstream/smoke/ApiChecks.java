package dev.flagstream.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The API half of the smoke suite: each service's health endpoints answer UP with the components
 * they are made of, the smoke token is accepted by the admin, and the evaluator answers an
 * evaluation with the SDK key.
 */
final class ApiChecks {
  /** A health endpoint and the components it must report. */
  record Health(String service, String path, List<String> components) {}

  static final List<Health> ADMIN =
      List.of(
          new Health("admin", "/health", List.of("db", "migrations", "kafka", "cdc")),
          new Health("admin", "/health/live", List.of("livenessState", "ping")),
          new Health("admin", "/health/ready", List.of("readinessState", "db", "migrations")));

  static final List<Health> EVALUATOR =
      List.of(
          new Health("evaluator", "/health", List.of("store", "storeReader")),
          new Health("evaluator", "/health/live", List.of("livenessState", "ping", "storeReader")),
          new Health("evaluator", "/health/ready", List.of("readinessState", "store")));

  // DEGRADED: the admin's capture works, less safely than configured; answered with 200.
  private static final Set<String> HEALTHY = Set.of("UP", "DEGRADED");

  private ApiChecks() {}

  static void run(SmokeTarget target, Checks checks) {
    Api admin = new Api(target.adminUrl(), target.token());
    Api evaluator = new Api(target.evaluatorUrl(), target.sdkKey());
    for (Health health : ADMIN) {
      checks.run("api", health.service() + " " + health.path(), () -> healthy(admin, health));
    }
    for (Health health : EVALUATOR) {
      checks.run("api", health.service() + " " + health.path(), () -> healthy(evaluator, health));
    }
    checks.run(
        "api",
        "admin /api/auth/me with SMOKE_TOKEN",
        () -> {
          JsonNode me = admin.get("/api/auth/me").expect(200).json();
          SmokeFailure.check(
              me.hasNonNull("role"), "/api/auth/me named no role: %s", Api.cut(me.toString()));
        });
    checks.run(
        "api",
        "evaluator answers an evaluation with SMOKE_SDK_KEY",
        () -> {
          JsonNode answer =
              evaluator
                  .get("/api/flags/" + SmokeSuite.CANARY + "/evaluation?userId=smoke")
                  .expect(200)
                  .json();
          SmokeFailure.check(
              answer.hasNonNull("reason") && answer.has("value"),
              "the evaluation had no value and reason: %s",
              Api.cut(answer.toString()));
        });
  }

  private static void healthy(Api service, Health health) throws Exception {
    Api.Reply reply = service.get(health.path()).expect(200);
    JsonNode body = reply.json();
    String status = body.path("status").asString("");
    SmokeFailure.check(
        HEALTHY.contains(status), "%s: status %s, expected UP", reply.request(), status);
    JsonNode components = body.path("components");
    List<String> problems = new ArrayList<>();
    for (String component : health.components()) {
      JsonNode each = components.path(component);
      if (each.isMissingNode()) {
        problems.add(component + " missing");
      } else if (!HEALTHY.contains(each.path("status").asString(""))) {
        problems.add(component + " " + each.path("status").asString("?"));
      }
    }
    SmokeFailure.check(problems.isEmpty(), "%s: %s", reply.request(), String.join(", ", problems));
  }
}
