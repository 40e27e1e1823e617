package dev.flagstream.benchmarks.propagation;

/**
 * One change the harness made through the admin API.
 *
 * @param flag the flag changed
 * @param version the flag's version after the change, as the admin answered (versions come from one
 *     sequence of all flags: a flag's next version is not its last plus one)
 * @param ordinal which change of its flag this is, counting from 1 since the harness began
 * @param enabled the flag's state after the change
 * @param answeredNanos {@link System#nanoTime()} when the admin's answer arrived: latencies are
 *     measured from here, as a user who just pressed a switch sees them
 */
record Change(String flag, long version, long ordinal, boolean enabled, long answeredNanos) {}
