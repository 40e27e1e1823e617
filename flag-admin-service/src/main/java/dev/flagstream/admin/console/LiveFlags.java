package dev.flagstream.admin.console;

import dev.flagstream.admin.audit.AuditEntry;
import dev.flagstream.admin.audit.AuditLog;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open console pages which flags changed, whoever changed them and on whichever replica: it
 * reads the audit log's new flag entries every {@code flags.console.live.poll-interval} (every
 * change of a flag is audited in its own transaction) and sends each page an event named after the
 * flag, {@code flag-<name>}, and one named {@code flags} for any change, on which the pages fetch
 * what they show again. A comment goes out every heartbeat so that pages notice a lost connection.
 */
@Component
final class LiveFlags implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFlags.class);

  /** How far below the highest id seen to look again: ids are taken before their commit. */
  private static final int LOOK_BACK = 20;

  private static final int BATCH = 500;

  private final AuditLog audit;
  private final ConsoleProperties settings;
  private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
  // Entries told already, by id and time: an id alone would be reused if the log started over.
  private final Set<String> seen = new HashSet<>();
  private final Deque<String> seenOrder = new ArrayDeque<>();
  private volatile boolean running;
  private long highest;
  private long ticks;
  private ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

  LiveFlags(AuditLog audit, ConsoleProperties settings) {
    this.audit = audit;
    this.settings = settings;
  }

  /** A stream for one page; it lasts until the page goes away or the service stops. */
  SseEmitter open() {
    SseEmitter page = new SseEmitter(0L);
    page.onCompletion(() -> pages.remove(page));
    page.onTimeout(() -> pages.remove(page));
    page.onError(e -> pages.remove(page));
    pages.add(page);
    try {
      page.send(SseEmitter.event().comment("connected"));
    } catch (IOException e) {
      pages.remove(page);
    }
    return page;
  }

  /** Reads the new entries and tells every page; runs on the poller's thread only. */
  void poll() {
    try {
      if (audit.latestId() < highest) {
        // the log starts over only when a test empties it; ids seen before mean nothing now
        highest = 0;
        seen.clear();
        seenOrder.clear();
      }
      List<AuditEntry> entries = audit.flagEntriesAfter(Math.max(0, highest - LOOK_BACK), BATCH);
      boolean any = false;
      for (AuditEntry entry : entries) {
        if (remember(entry.id() + "@" + entry.occurredAt())) {
          any = true;
          broadcast(SseEmitter.event().name("flag-" + entry.target()).data(entry.action().name()));
        }
        highest = Math.max(highest, entry.id());
      }
      if (any) {
        broadcast(SseEmitter.event().name("flags").data("changed"));
      }
      long heartbeatEvery =
          Math.max(
              1,
              settings.live().heartbeat().toMillis() / settings.live().pollInterval().toMillis());
      if (++ticks % heartbeatEvery == 0) {
        broadcast(SseEmitter.event().comment("heartbeat"));
      }
    } catch (RuntimeException e) {
      // the database may be away for a while; pages keep their stream and get the changes later
      LOG.debug("could not read the audit log for live updates", e);
    }
  }

  private boolean remember(String entry) {
    if (!seen.add(entry)) {
      return false;
    }
    seenOrder.addLast(entry);
    while (seenOrder.size() > 50 * LOOK_BACK) {
      seen.remove(seenOrder.removeFirst());
    }
    return true;
  }

  private void broadcast(SseEmitter.SseEventBuilder event) {
    for (SseEmitter page : pages) {
      try {
        page.send(event);
      } catch (IOException | IllegalStateException e) {
        pages.remove(page);
        page.completeWithError(e);
      }
    }
  }

  @Override
  public void start() {
    highest = audit.latestId();
    if (poller.isShutdown()) {
      poller = Executors.newSingleThreadScheduledExecutor();
    }
    long every = settings.live().pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    poller.shutdownNow();
    // open streams would otherwise hold graceful shutdown for its whole timeout
    pages.forEach(SseEmitter::complete);
    pages.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** How many pages are following changes now. */
  int openPages() {
    return pages.size();
  }
}
