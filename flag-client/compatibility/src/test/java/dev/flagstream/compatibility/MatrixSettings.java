package dev.flagstream.compatibility;

import java.nio.file.Path;

/**
 * Where the matrix finds Maven, its projects and the artifacts under test, from the system
 * properties the module's POM sets.
 *
 * @param mavenHome the Maven that runs this build, which builds the consumer projects too
 * @param projects the consumer projects, a folder each
 * @param work where they are copied and built
 * @param repository the consumer projects' local repository, holding this build's artifacts
 * @param repositoryTail the local repository behind it, read-only, for everything else
 * @param flagstreamVersion the version of the artifacts under test
 */
record MatrixSettings(
    Path mavenHome,
    Path projects,
    Path work,
    Path repository,
    Path repositoryTail,
    String flagstreamVersion) {

  static MatrixSettings fromSystemProperties() {
    return new MatrixSettings(
        path("matrix.maven.home"),
        path("matrix.projects"),
        path("matrix.work"),
        path("matrix.repository"),
        path("matrix.repository.tail"),
        required("matrix.flagstream.version"));
  }

  private static Path path(String property) {
    return Path.of(required(property));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the system property " + property + " is not set");
    }
    return value;
  }
}
