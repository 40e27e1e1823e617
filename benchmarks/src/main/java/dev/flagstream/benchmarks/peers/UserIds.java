package dev.flagstream.benchmarks.peers;

import java.util.Random;
import java.util.UUID;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The users every SDK is asked about: 1,024 UUID strings from a fixed seed, the same for every SDK
 * and every run, taken in turn so that no result can be folded into a constant. One cursor a
 * thread, so that threads do not share a counter.
 */
@State(Scope.Thread)
public class UserIds {
  private static final int COUNT = 1024;
  private static final String[] IDS = generate();

  private int next;

  static String[] generate() {
    Random random = new Random(1);
    String[] ids = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
    }
    return ids;
  }

  /** The next user's id. */
  public String next() {
    return IDS[next++ & (COUNT - 1)];
  }

  /** Every id, for checking that each SDK really splits them. */
  static String[] all() {
    return IDS.clone();
  }
}
