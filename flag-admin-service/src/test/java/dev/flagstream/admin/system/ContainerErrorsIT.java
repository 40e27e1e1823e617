package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors the servlet container raises before Spring, or that the security firewall sends without a
 * body, are problem+json too: requests sent byte for byte over a socket, as no HTTP client would.
 */
class ContainerErrorsIT extends AdminServiceIntegration {

  /** The raw answer: status line, headers, body. */
  private record RawResponse(int status, String head, String body) {}

  private RawResponse send(String target) {
    return sendRaw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  private RawResponse sendRaw(String request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      in.transferTo(read);
      String text = read.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/admin/flags/..%2f..%2fetc%2fpasswd", // Tomcat refuses an encoded slash
        "/api/admin/flags/%2e%2e/%2e%2e/etc/passwd", // normalized beyond the root
        "/api/admin/flags/a%00b", // a NUL
        "/api;x/admin/flags", // the firewall refuses path parameters
        "/api/admin//flags", // and empty segments
        "/api/admin/flags/%252e" // and double encoding
      })
  void refusedPaths_areProblemJson_notHtml(String target) {
    badRequestProblem(send(target));
  }

  static Stream<Arguments> malformedRequests() {
    String end = "Connection: close\r\n\r\n";
    return Stream.of(
        Arguments.of("spaces in the target", "GET /a b c HTTP/1.1\r\nHost: localhost\r\n" + end),
        Arguments.of(
            "a header too large",
            "GET /api/admin/flags HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "x".repeat(20_000)
                + "\r\n"
                + end),
        Arguments.of(
            "a control character in the target",
            "GET /api/admin/fl\u0001ags HTTP/1.1\r\nHost: localhost\r\n" + end),
        Arguments.of(
            "a space in a header name",
            "GET /api/admin/flags HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n" + end),
        Arguments.of("no Host header", "GET /api/admin/flags HTTP/1.1\r\n" + end));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void malformedRequests_areProblemJson_notHtml(String label, String request) {
    badRequestProblem(sendRaw(request));
  }

  private static void badRequestProblem(RawResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.head().toLowerCase(Locale.ROOT))
        .contains("content-type: application/problem+json")
        .contains("x-content-type-options: nosniff");
    assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
    JsonNode problem = JsonMapper.builder().build().readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("type").asString())
        .isEqualTo("https://flagstream.dev/problems/invalid-request");
    assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
  }
}
