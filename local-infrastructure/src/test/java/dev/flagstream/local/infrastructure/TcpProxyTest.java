package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  private ServerSocket echo;
  private TcpProxy proxy;

  @BeforeEach
  void startEchoServer() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket client = echo.accept();
                  Thread connection =
                      new Thread(
                          () -> {
                            try (client;
                                var in = reader(client);
                                var out = writer(client)) {
                              String line;
                              while ((line = in.readLine()) != null) {
                                out.println("echo " + line);
                              }
                            } catch (IOException e) {
                              // the client went away
                            }
                          });
                  connection.setDaemon(true);
                  connection.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    server.setDaemon(true);
    server.start();
    proxy = TcpProxy.to("localhost", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void forwardsBothWays() throws IOException {
    try (Socket socket = new Socket("localhost", proxy.port());
        var in = reader(socket);
        var out = writer(socket)) {
      out.println("hello");
      assertThat(in.readLine()).isEqualTo("echo hello");
    }
  }

  @Test
  void cut_dropsOpenConnections_andRefusesNewOnes_untilRestored() throws IOException {
    try (Socket socket = new Socket("localhost", proxy.port());
        var in = reader(socket);
        var out = writer(socket)) {
      out.println("before");
      assertThat(in.readLine()).isEqualTo("echo before");
      proxy.cut();
      assertThat(in.readLine()).as("the dropped connection ends").isNull();
    }
    try (Socket refused = new Socket("localhost", proxy.port());
        var in = reader(refused)) {
      assertThat(in.readLine()).as("a new connection is closed at once").isNull();
    }
    proxy.restore();
    try (Socket socket = new Socket("localhost", proxy.port());
        var in = reader(socket);
        var out = writer(socket)) {
      out.println("after");
      assertThat(in.readLine()).isEqualTo("echo after");
    }
  }

  @Test
  void close_dropsConnectionsAndStopsForwarding() throws IOException {
    int port = proxy.port();
    try (Socket socket = new Socket("localhost", port);
        var in = reader(socket);
        var out = writer(socket)) {
      out.println("before");
      assertThat(in.readLine()).isEqualTo("echo before");
      proxy.close();
      assertThat(in.readLine()).as("the open connection ends").isNull();
    }
    assertThat(answerThrough(port, "after")).as("nothing is forwarded after close").isNull();
  }

  /**
   * The echo's answer to one line sent to {@code port}, or null when nothing answers with an echo.
   * A refused connection is the usual outcome, but another process may already have picked up the
   * freed port (or the kernel made a TCP self-connect), so anything but the echo counts as closed.
   */
  private static String answerThrough(int port, String line) {
    try (Socket socket = new Socket("localhost", port);
        var in = reader(socket);
        var out = writer(socket)) {
      socket.setSoTimeout(2_000);
      out.println(line);
      String answer = in.readLine();
      return ("echo " + line).equals(answer) ? answer : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  private static PrintWriter writer(Socket socket) throws IOException {
    return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }
}
