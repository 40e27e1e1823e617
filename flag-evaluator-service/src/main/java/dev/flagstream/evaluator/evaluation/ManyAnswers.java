package dev.flagstream.evaluator.evaluation;

import static dev.flagstream.evaluator.evaluation.FlagNames.ascii;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.contracts.evaluation.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the answer to a request for many flags straight into bytes: the same JSON Jackson would
 * write for {@link Results} and {@link Values}, field for field, without building an object per
 * flag first. An answer for every flag is most of what an evaluator serves to browsers, so its cost
 * per flag is what its throughput is (see docs/BENCHMARKS.md).
 */
final class ManyAnswers {
  private static final byte[] OPEN_USER = ascii("{\"userId\":");
  private static final byte[] OPEN_REVISION = ascii("{\"revision\":");
  private static final byte[] REVISION = ascii(",\"revision\":");
  private static final byte[] OPEN_VALUES = ascii(",\"values\":{");
  private static final byte[] REACHED = ascii(",\"revisionReached\":");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /** {@code ,"reason":"…","version":} for each reason, by ordinal: written per flag, made once. */
  private static final byte[][] REASON_THEN_VERSION =
      Arrays.stream(Reason.values())
          .map(reason -> ascii(",\"reason\":\"" + reason.name() + "\",\"version\":"))
          .toArray(byte[][]::new);

  private ManyAnswers() {}

  /** A growing byte array, unsynchronised: each answer is written by one thread. */
  private static final class Bytes {
    private byte[] bytes;
    private int length;

    Bytes(int size) {
      bytes = new byte[size];
    }

    void write(int b) {
      room(1);
      bytes[length++] = (byte) b;
    }

    void writeBytes(byte[] part) {
      room(part.length);
      System.arraycopy(part, 0, bytes, length, part.length);
      length += part.length;
    }

    /**
     * The number's decimal digits, as {@link Long#toString(long)} writes them, without a String.
     */
    void writeLong(long value) {
      if (value == Long.MIN_VALUE) {
        writeBytes(ascii(Long.toString(value)));
        return;
      }
      if (value < 0) {
        write('-');
        value = -value;
      }
      int digits = 1;
      for (long rest = value; rest >= 10; rest /= 10) {
        digits++;
      }
      room(digits);
      for (int at = length + digits - 1; at >= length; at--) {
        bytes[at] = (byte) ('0' + value % 10);
        value /= 10;
      }
      length += digits;
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }
  }

  /** {@code {"userId", "revision", "values": {name: value…}, "revisionReached"}}. */
  static byte[] values(
      FlagClient flags,
      List<FlagNames.Name> names,
      @Nullable String userId,
      long revision,
      @Nullable Boolean reached) {
    Bytes json = open(userId, revision, names.size() * 24);
    for (int i = 0; i < names.size(); i++) {
      FlagNames.Name name = names.get(i);
      if (i > 0) {
        json.write(',');
      }
      json.writeBytes(name.key());
      json.writeBytes(flags.isEnabled(name.name(), userId) ? TRUE : FALSE);
    }
    return close(json, reached);
  }

  /**
   * {@code {"userId", "revision", "values": {name: {flag, value, reason?, version?, revision}…},
   * "revisionReached"}}, the reason and the version for server keys only.
   */
  static byte[] evaluations(
      FlagClient flags,
      List<FlagNames.Name> names,
      @Nullable String userId,
      long revision,
      boolean full,
      @Nullable Boolean reached) {
    byte[] ofRevision = (",\"revision\":" + revision + "}").getBytes(StandardCharsets.US_ASCII);
    Bytes json = open(userId, revision, names.size() * (full ? 110 : 64));
    for (int i = 0; i < names.size(); i++) {
      FlagNames.Name name = names.get(i);
      if (i > 0) {
        json.write(',');
      }
      json.writeBytes(name.evaluation());
      if (full) {
        FlagEvaluation evaluation = flags.evaluate(name.name(), userId);
        json.writeBytes(evaluation.value() ? TRUE : FALSE);
        json.writeBytes(REASON_THEN_VERSION[evaluation.reason().ordinal()]);
        json.writeLong(evaluation.version());
      } else {
        json.writeBytes(flags.isEnabled(name.name(), userId) ? TRUE : FALSE);
      }
      json.writeBytes(ofRevision);
    }
    return close(json, reached);
  }

  private static Bytes open(@Nullable String userId, long revision, int size) {
    Bytes json = new Bytes(size + 128);
    if (userId == null) {
      json.writeBytes(OPEN_REVISION);
    } else {
      json.writeBytes(OPEN_USER);
      json.writeBytes(FlagNames.quoted(userId));
      json.writeBytes(REVISION);
    }
    json.writeLong(revision);
    json.writeBytes(OPEN_VALUES);
    return json;
  }

  private static byte[] close(Bytes json, @Nullable Boolean reached) {
    json.write('}');
    if (reached != null) {
      json.writeBytes(REACHED);
      json.writeBytes(reached ? TRUE : FALSE);
    }
    json.write('}');
    return json.toByteArray();
  }
}
