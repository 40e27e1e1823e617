package dev.flagstream.benchmarks.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Many browsers' streams from one process, as light as a client can be: one thread, one selector,
 * the HTTP request written by hand, and of each answer only what it says counted: whether it began
 * with 200, its {@code snapshot} event, and when each {@code flag} event arrived ({@link
 * System#nanoTime()}, one clock for every process of the machine) of the flag it watches. Opens at
 * most {@link #IN_FLIGHT} streams at a time, each for a user of its own, as a crowd of browsers
 * arriving would.
 *
 * <p>Run as a process of its own by {@link Crowds}, because one process may hold only so many
 * sockets, and driven through its standard input: {@code await <events> <millis>} answers {@code
 * arrivals <nanos…>}, the moment each stream got its {@code events}-th event of the flag ({@code
 * -1} for none); {@code quit} ends it.
 */
final class Crowd implements AutoCloseable {
  /** Streams connecting at once: a crowd arriving, not a flood the backlog would drop. */
  static final int IN_FLIGHT = 64;

  /**
   * {@code \n} begins every field, and the answer's first event follows its header's blank line.
   */
  private static final String SNAPSHOT = "\nevent:snapshot";

  private final InetSocketAddress address;
  private final String host;
  private final String path;
  private final String key;
  private final String userPrefix;
  private final int maxEvents;

  /** A {@code flag} event's data about the flag watched; no other event holds it. */
  private final String watched;

  private final int carry;
  private final Selector selector;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
  private final List<Stream> streams = new ArrayList<>();

  // How many streams got their first, second… event: counted as they arrive, so that whoever
  // waits for them reads one number instead of walking every stream under the reader's lock.
  private final AtomicIntegerArray reached;
  private final Thread loop;
  private volatile boolean closing;
  private volatile int connecting;
  private volatile int opened;
  private volatile int failed;

  /** One stream: what its answer said so far. Touched by the selector thread only. */
  private static final class Stream {
    final int index;
    final long[] arrivals; // written under the streams' lock
    String carry = "";
    boolean answered;
    boolean open;
    boolean wasOpen;
    int flagEvents;

    Stream(int index, int maxEvents) {
      this.index = index;
      this.arrivals = new long[maxEvents];
      Arrays.fill(arrivals, -1);
    }
  }

  /**
   * Starts opening {@code count} streams to the evaluator at {@code evaluatorUrl}.
   *
   * @param flag the flag whose events are timed; others are let by
   * @param userPrefix each stream is for the user {@code userPrefix + index}
   * @param maxEvents the most flag events whose arrival is kept per stream
   */
  Crowd(String evaluatorUrl, String key, String flag, String userPrefix, int count, int maxEvents)
      throws IOException {
    URI uri = URI.create(evaluatorUrl);
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    this.host = uri.getHost() + ":" + uri.getPort();
    this.path = "/api/flags/stream";
    this.key = key;
    this.userPrefix = userPrefix;
    this.maxEvents = maxEvents;
    this.reached = new AtomicIntegerArray(maxEvents);
    this.watched = "\"flag\":\"" + flag + "\"";
    this.carry = watched.length() + SNAPSHOT.length();
    this.selector = Selector.open();
    for (int i = 0; i < count; i++) {
      streams.add(new Stream(i, maxEvents));
    }
    this.loop = new Thread(this::run, "crowd-selector");
    loop.setDaemon(true);
    loop.start();
  }

  /** Waits until every stream has its snapshot or has failed; false when patience ran out. */
  boolean awaitOpen(long patienceMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
    while (opened + failed < streams.size()) {
      if (System.nanoTime() - deadline > 0 || !loop.isAlive()) {
        return false;
      }
      LockSupport.parkNanos(10_000_000);
    }
    return true;
  }

  int opened() {
    return opened;
  }

  int failed() {
    return failed;
  }

  /**
   * The moment each stream that opened got its {@code events}-th flag event, waiting at most {@code
   * patienceMillis} for all of them; -1 for a stream that did not (it was ended, or is late).
   * Streams refused at the start are not among them.
   */
  List<Long> awaitArrivals(int events, long patienceMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
    while (arrived(events) < opened && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000);
    }
    List<Long> arrivals = new ArrayList<>();
    synchronized (streams) {
      for (Stream stream : streams) {
        if (stream.wasOpen) {
          arrivals.add(stream.arrivals[events - 1]);
        }
      }
    }
    return arrivals;
  }

  private int arrived(int events) {
    return reached.get(events - 1);
  }

  private void run() {
    int next = 0;
    try {
      while (!closing) {
        while (next < streams.size() && connecting < IN_FLIGHT) {
          connect(streams.get(next++));
        }
        selector.select(100);
        long now = System.nanoTime();
        for (SelectionKey ready : selector.selectedKeys()) {
          handle(ready, now);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new IllegalStateException("The crowd's selector failed", e);
    }
  }

  private void connect(Stream stream) {
    connecting++;
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.connect(address);
      channel.register(selector, SelectionKey.OP_CONNECT, stream);
    } catch (IOException e) {
      fail(stream, null);
    }
  }

  private void handle(SelectionKey ready, long now) {
    Stream stream = (Stream) ready.attachment();
    SocketChannel channel = (SocketChannel) ready.channel();
    try {
      if (ready.isConnectable()) {
        channel.finishConnect();
        channel.write(ByteBuffer.wrap(request(stream).getBytes(StandardCharsets.US_ASCII)));
        ready.interestOps(SelectionKey.OP_READ);
      } else if (ready.isReadable()) {
        buffer.clear();
        int read = channel.read(buffer);
        if (read < 0) {
          ended(stream, ready);
          return;
        }
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        read(stream, ready, new String(bytes, StandardCharsets.ISO_8859_1), now);
      }
    } catch (IOException e) {
      ended(stream, ready);
    }
  }

  private String request(Stream stream) {
    return "GET "
        + path
        + "?userId="
        + URLEncoder.encode(userPrefix + stream.index, StandardCharsets.UTF_8)
        + "&key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8)
        + " HTTP/1.1\r\nHost: "
        + host
        + "\r\nAccept: text/event-stream\r\n\r\n";
  }

  private void read(Stream stream, SelectionKey ready, String chunk, long now) {
    String text = stream.carry + chunk;
    if (!stream.answered) {
      if (text.length() < 12) {
        stream.carry = text;
        return;
      }
      stream.answered = true;
      if (!text.startsWith("HTTP/1.1 200")) {
        fail(stream, ready);
        return;
      }
    }
    if (!stream.open && text.contains(SNAPSHOT)) {
      stream.open = true;
      stream.wasOpen = true;
      connecting--;
      opened++;
    }
    synchronized (streams) {
      for (int at = text.indexOf(watched); at >= 0; at = text.indexOf(watched, at + 1)) {
        // Events already counted lie in the carry: count only those ending in the new bytes.
        if (at + watched.length() > stream.carry.length()) {
          if (stream.flagEvents < maxEvents) {
            stream.arrivals[stream.flagEvents] = now;
            reached.incrementAndGet(stream.flagEvents);
          }
          stream.flagEvents++;
        }
      }
    }
    stream.carry = text.substring(Math.max(0, text.length() - carry));
  }

  private void ended(Stream stream, SelectionKey ready) {
    if (stream.open) {
      stream.open = false;
      close(ready);
    } else {
      fail(stream, ready);
    }
  }

  private void fail(Stream stream, SelectionKey ready) {
    if (!stream.open) {
      connecting--;
      failed++;
    }
    close(ready);
  }

  private static void close(SelectionKey ready) {
    if (ready != null) {
      ready.cancel();
      try {
        ready.channel().close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() throws IOException {
    closing = true;
    selector.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      close(key);
    }
    selector.close();
  }

  /**
   * {@code Crowd <evaluatorUrl> <key> <flag> <userPrefix> <count> <maxEvents> <openMillis>}: opens
   * the streams, says {@code opened <n> failed <m>}, then answers commands until {@code quit}.
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    try (Crowd crowd =
            new Crowd(
                args[0],
                args[1],
                args[2],
                args[3],
                Integer.parseInt(args[4]),
                Integer.parseInt(args[5]));
        BufferedReader commands =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      crowd.awaitOpen(Long.parseLong(args[6]));
      out.println("opened " + crowd.opened() + " failed " + crowd.failed());
      out.flush();
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        String[] command = line.strip().split(" ");
        if (command[0].equals("await")) {
          List<Long> arrivals =
              crowd.awaitArrivals(Integer.parseInt(command[1]), Long.parseLong(command[2]));
          StringJoiner answer = new StringJoiner(" ", "arrivals ", "");
          for (long arrival : arrivals) {
            answer.add(Long.toString(arrival));
          }
          out.println(answer);
          out.flush();
        } else if (command[0].equals("quit")) {
          break;
        }
      }
    }
  }
}
