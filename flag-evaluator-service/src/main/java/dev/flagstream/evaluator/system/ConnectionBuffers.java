package dev.flagstream.evaluator.system;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Sizes the buffers the web server keeps for each connection ({@code flags.http.*-buffer-size}).
 *
 * <p>Tomcat gives every connection 8 KiB for each of them, sized for a connection that carries one
 * request at a time and hands them on between requests. A browser stream keeps its request open for
 * up to its lifetime, so an evaluator with thousands of streams holds every buffer thousands of
 * times over, though a stream reads one short request and writes events of a hundred bytes. What
 * each saves per connection: the socket read buffer twice (Tomcat reads requests into a buffer of
 * the header limit plus it), the response buffer three times (its bytes and as many characters).
 * The socket write buffer stays as it is: a large answer (every flag for a user) is written to the
 * socket in pieces of its size.
 */
@Component
final class ConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  private final int socketReadBuffer;
  private final int socketWriteBuffer;
  private final int responseBuffer;

  ConnectionBuffers(
      @Value("${flags.http.socket-read-buffer-size:1KB}") DataSize socketReadBuffer,
      @Value("${flags.http.socket-write-buffer-size:8KB}") DataSize socketWriteBuffer,
      @Value("${flags.http.response-buffer-size:2KB}") DataSize responseBuffer) {
    this.socketReadBuffer = size("socket-read-buffer-size", socketReadBuffer);
    this.socketWriteBuffer = size("socket-write-buffer-size", socketWriteBuffer);
    this.responseBuffer = size("response-buffer-size", responseBuffer);
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.setProtocol(SizedHttp11NioProtocol.class.getName());
    factory.addConnectorCustomizers(
        connector -> {
          set(connector, "socket.appReadBufSize", socketReadBuffer);
          set(connector, "socket.appWriteBufSize", socketWriteBuffer);
          set(connector, "responseBufferSize", responseBuffer);
        });
  }

  private static void set(Connector connector, String property, int value) {
    if (!connector.setProperty(property, Integer.toString(value))) {
      throw new IllegalStateException(
          "the web server's connector ("
              + connector.getProtocolHandlerClassName()
              + ") has no "
              + property);
    }
  }

  private static int size(String name, DataSize size) {
    long bytes = size.toBytes();
    if (bytes < 512 || bytes > 1024 * 1024) {
      throw new IllegalArgumentException(
          "flags.http." + name + " must be between 512B and 1MB, not " + size);
    }
    return (int) bytes;
  }
}
