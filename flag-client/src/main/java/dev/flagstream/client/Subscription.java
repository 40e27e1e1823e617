package dev.flagstream.client;

/** A registered listener; closing it unregisters it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
