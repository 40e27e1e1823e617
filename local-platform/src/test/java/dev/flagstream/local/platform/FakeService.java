package dev.flagstream.local.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in for a service's executable jar, for testing the launcher without the services: takes
 * {@code --name=value} settings as a Spring Boot application does, writes them to its log file
 * ({@code logging.file.name}), prints a warning to its console, and answers {@code /health/ready}
 * on {@code server.port}. {@code fake.exit-status} makes it exit at once. Given a database, it is
 * the admin, and creates the flag topic first ({@link FakeCapture}). When asked to stop, it says so
 * in its log. No nested classes, so that it fits a jar by itself ({@link FakeServiceJar}).
 */
public final class FakeService {
  private FakeService() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> settings = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      settings.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    Path log = Path.of(settings.get("logging.file.name"));
    Files.writeString(
        log,
        String.join("\n", args) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.println("00:00:00.000 WARN  fake - started with " + args.length + " settings");
    if (settings.containsKey("fake.exit-status")) {
      System.out.println("00:00:00.001 ERROR fake - cannot start, as asked");
      System.exit(Integer.parseInt(settings.get("fake.exit-status")));
    }
    if (settings.containsKey("spring.datasource.url")) {
      // The admin's place: its capture creates the flag topic.
      try {
        FakeCapture.createTopic(
            settings.get("flags.kafka.bootstrap-servers"),
            settings.getOrDefault("flags.kafka.topic", "flagstream.flags"));
      } catch (Exception e) {
        System.out.println("00:00:00.002 ERROR fake - no topic: " + e);
        System.exit(2);
      }
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress("localhost", Integer.parseInt(settings.get("server.port"))), 10);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(log, "stopped gracefully\n", StandardOpenOption.APPEND);
                  } catch (IOException e) {
                    // the log says nothing then
                  }
                  server.stop(0);
                }));
  }
}
