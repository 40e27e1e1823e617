package dev.flagstream.client.spring.application;

import dev.flagstream.client.FlagClient;

// tag::inject[]
/** Decides, per user, whether the new checkout shows. */
public class Checkout {
  private final FlagClient flags;

  public Checkout(FlagClient flags) { // the starter's bean
    this.flags = flags;
  }

  public boolean isNewFor(String userId) {
    return flags.isEnabled("new-checkout", userId); // in memory, never blocks
  }
}
// end::inject[]
