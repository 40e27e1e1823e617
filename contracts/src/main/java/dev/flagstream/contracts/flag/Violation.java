package dev.flagstream.contracts.flag;

import static java.util.Objects.requireNonNull;

/**
 * One reason an input is refused.
 *
 * @param field the offending field as a JSON path relative to the flag, such as {@code name} or
 *     {@code userAllowlist[3]}
 * @param reason what is wrong, in words fit to show to the person who sent it
 */
public record Violation(String field, String reason) {
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }
}
