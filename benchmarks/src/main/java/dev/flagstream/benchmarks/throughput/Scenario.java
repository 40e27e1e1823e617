package dev.flagstream.benchmarks.throughput;

/**
 * One kind of request the evaluator is loaded with, each for a new user, with a client key as a
 * browser or a mobile app holds.
 */
enum Scenario {
  /** {@code POST /api/evaluations}: every flag's evaluation, as Unleash Edge's /api/frontend. */
  EVERY_FLAG("every flag, evaluations", "/api/evaluations"),
  /** {@code POST /api/evaluations/values}: every flag's value alone. */
  EVERY_VALUE("every flag, values only", "/api/evaluations/values"),
  /** {@code GET /api/flags/{name}/evaluation}: one flag, each request the next flag in turn. */
  ONE_FLAG("one flag", "/api/flags/{name}/evaluation");

  private final String label;
  private final String path;

  Scenario(String label, String path) {
    this.label = label;
    this.path = path;
  }

  String label() {
    return label;
  }

  String path() {
    return path;
  }

  boolean everyFlag() {
    return this != ONE_FLAG;
  }

  /** The request target for the {@code n}th request. */
  String target(java.util.List<String> flags, long n) {
    return everyFlag()
        ? path
        : "/api/flags/" + flags.get((int) (n % flags.size())) + "/evaluation?userId=user-" + n;
  }

  /** The request body for the {@code n}th request; none for {@link #ONE_FLAG}. */
  String body(long n) {
    return everyFlag() ? "{\"userId\":\"user-" + n + "\"}" : "";
  }
}
