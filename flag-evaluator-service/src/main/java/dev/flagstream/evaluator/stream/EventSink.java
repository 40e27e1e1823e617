package dev.flagstream.evaluator.stream;

import java.io.IOException;

/** Where a stream's events go: a browser's connection. Called by one thread at a time. */
interface EventSink {
  /** Writes one event; blocks while the connection cannot take it. */
  void send(StreamEvent event) throws IOException;

  /** Ends the stream; the browser will reconnect. Never throws. */
  void complete();
}
