package dev.flagstream.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on the loopback interface, for servers that must keep one port across restarts and
 * so cannot be given port 0. A port is free when asked; another process may take it before the
 * server binds it, which on a developer's machine or in a build is rare enough.
 */
public final class FreePorts {
  private FreePorts() {}

  /** A port no socket is bound to at the moment. */
  public static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * A free port other than {@code taken}: a port a server was just told to use, but has not bound
   * yet, may well be offered again.
   */
  public static int anyExcept(int taken) {
    int port = any();
    while (port == taken) {
      port = any();
    }
    return port;
  }
}
