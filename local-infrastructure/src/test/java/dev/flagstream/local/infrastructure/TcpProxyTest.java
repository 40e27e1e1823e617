package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void close_stopsListening() {
    int port = proxy.port();
    proxy.close();
    assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(IOException.class);
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  private static PrintWriter writer(Socket socket) throws IOException {
    return new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
  }
}
