package dev.flagstream.evaluator.system;

import tools.jackson.databind.json.JsonMapper;

/** Problem writers for tests of the filters that answer before any controller, without Spring. */
public final class ProblemWriters {
  private ProblemWriters() {}

  /** A writer on a plain JSON mapper. */
  public static ProblemWriter plain() {
    return new ProblemWriter(JsonMapper.builder().build());
  }
}
