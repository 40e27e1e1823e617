package dev.flagstream.local.platform;

/**
 * A Java agent that ends the JVM it is loaded into when the launcher that started it is gone, so
 * that a service never outlives {@link LocalPlatform}, not even when the launcher was killed
 * (SIGKILL) and ran no shutdown hook. {@link ServiceProcess} starts every service with {@code
 * -javaagent:<this agent's jar>=<the launcher's process id>}; the service's own shutdown hooks then
 * stop it gracefully. It touches nothing of the service: it only watches a process.
 *
 * <p>Self-contained on purpose (no other class of ours, no nested class), as {@link AgentJar} puts
 * this one class alone into the agent's jar.
 */
public final class ParentWatch {
  private ParentWatch() {}

  /**
   * The agent's entry point, before the service's {@code main}.
   *
   * @param launcherPid the process id of the JVM whose end ends this one
   */
  public static void premain(String launcherPid) {
    ProcessHandle.of(Long.parseLong(launcherPid))
        .ifPresentOrElse(
            launcher -> launcher.onExit().thenRun(() -> System.exit(1)), () -> System.exit(1));
  }
}
