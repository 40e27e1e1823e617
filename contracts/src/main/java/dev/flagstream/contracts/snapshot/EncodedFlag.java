package dev.flagstream.contracts.snapshot;

import static java.util.Objects.requireNonNull;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.internal.ContractJson;
import dev.flagstream.contracts.internal.JsonWriter;

/**
 * One flag encoded once for the snapshots that will carry it: its JSON as a snapshot holds it and
 * its canonical form, the input of the snapshot's digest. A holder that serves snapshots of many
 * flags keeps these for the flags that did not change, so that a snapshot after a change encodes
 * only the changed flag again. Immutable.
 */
public final class EncodedFlag {
  private final String name;
  private final byte[] json;
  private final byte[] canonical;

  private EncodedFlag(Flag flag) {
    this.name = flag.name();
    this.json = ContractJson.writeFlag(new JsonWriter(), flag).toBytes();
    this.canonical = ContractJson.writeCanonicalFlag(new JsonWriter(), flag).toBytes();
  }

  /** Encodes {@code flag}: about the cost of writing it twice. */
  public static EncodedFlag of(Flag flag) {
    return new EncodedFlag(requireNonNull(flag, "flag"));
  }

  /** The flag's name, which orders it in a snapshot. */
  public String name() {
    return name;
  }

  /** The bytes held, both forms: what keeping this costs. */
  public long size() {
    return (long) json.length + canonical.length;
  }

  byte[] json() {
    return json;
  }

  byte[] canonical() {
    return canonical;
  }

  @Override
  public String toString() {
    return "EncodedFlag[" + name + "]";
  }
}
