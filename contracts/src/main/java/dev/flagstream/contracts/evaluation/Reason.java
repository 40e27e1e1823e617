package dev.flagstream.contracts.evaluation;

/** Why an evaluation came out as it did, one value per step of the algorithm. */
public enum Reason {
  /** No flag of that name is known: off. */
  FLAG_NOT_FOUND(false),
  /** The flag is switched off for everyone. */
  DISABLED(false),
  /** The user is on the flag's allowlist: on, whatever the rollout. */
  ALLOWLISTED(true),
  /** The rollout is 100 %: on for everyone, with or without a user id. */
  FULL_ROLLOUT(true),
  /** The user's bucket is below the rollout percentage: on. */
  IN_ROLLOUT(true),
  /** The user's bucket is at or above the rollout percentage: off. */
  OUT_OF_ROLLOUT(false),
  /** A partial rollout needs a user id and none was given: off. */
  NO_USER(false);

  private final boolean value;

  Reason(boolean value) {
    this.value = value;
  }

  /** The value every evaluation with this reason has. */
  public boolean value() {
    return value;
  }
}
