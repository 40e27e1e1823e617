package dev.flagstream.contracts.flag;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A feature flag as stored by the admin service and carried in change events. Immutable: the
 * allowlist and metadata are copied on construction and cannot be modified through the accessors.
 *
 * <p>Construction checks only structure (no nulls, metadata made of JSON values). Whether the
 * content is acceptable, say a rollout within 0–100, is for {@link FlagValidator} to tell, so that
 * a service can report every problem of an input at once.
 *
 * @param name unique, stable identifier; also the Kafka key of its change events
 * @param description free text for humans, empty when there is none
 * @param enabled the kill switch: a disabled flag is off for everyone
 * @param rolloutPercentage share of users, 0–100, for whom an enabled flag is on
 * @param userAllowlist user ids for whom an enabled flag is always on, in canonical UUID order
 * @param metadata a JSON object of free-form data, in insertion order; values are {@code String},
 *     {@code Boolean}, {@code Number}, {@code null}, {@code List} or {@code Map}
 * @param version strictly increasing with every change of the flag, also across delete and
 *     recreate; consumers use it to drop duplicates and stale events
 * @param createdAt when the flag was first created
 * @param updatedAt when the flag last changed
 * @param createdBy the id of the user who created the flag, if known
 */
public record Flag(
    String name,
    String description,
    boolean enabled,
    int rolloutPercentage,
    Set<UUID> userAllowlist,
    Map<String, @Nullable Object> metadata,
    long version,
    Instant createdAt,
    Instant updatedAt,
    @Nullable UUID createdBy) {

  public Flag {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    userAllowlist = UuidSet.copyOf(requireNonNull(userAllowlist, "userAllowlist"));
    metadata = JsonValues.immutableObject(requireNonNull(metadata, "metadata"));
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Tells whether {@code userId} is on the allowlist, without allocating. Only the canonical
   * 36-character UUID form matches, in either letter case; any other text is simply not listed.
   */
  public boolean isAllowlisted(CharSequence userId) {
    return ((UuidSet) userAllowlist).containsText(userId);
  }

  /** Starts a flag named {@code name} with the database defaults: disabled, rollout 100. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Starts a builder holding every value of this flag, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(name)
        .description(description)
        .enabled(enabled)
        .rolloutPercentage(rolloutPercentage)
        .userAllowlist(userAllowlist)
        .metadata(metadata)
        .version(version)
        .createdAt(createdAt)
        .updatedAt(updatedAt)
        .createdBy(createdBy);
  }

  /** Builds a {@link Flag}. Not thread-safe; each call to {@link #build()} returns a new flag. */
  public static final class Builder {
    private String name;
    private String description = "";
    private boolean enabled;
    private int rolloutPercentage = 100;
    private Collection<UUID> userAllowlist = Set.of();
    private Map<String, @Nullable Object> metadata = Map.of();
    private long version = 1;
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;
    private @Nullable UUID createdBy;

    private Builder(String name) {
      this.name = name;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder rolloutPercentage(int rolloutPercentage) {
      this.rolloutPercentage = rolloutPercentage;
      return this;
    }

    public Builder userAllowlist(Collection<UUID> userAllowlist) {
      this.userAllowlist = userAllowlist;
      return this;
    }

    public Builder metadata(Map<String, @Nullable Object> metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder createdBy(@Nullable UUID createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    public Flag build() {
      return new Flag(
          name,
          description,
          enabled,
          rolloutPercentage,
          UuidSet.copyOf(userAllowlist),
          metadata,
          version,
          createdAt,
          updatedAt,
          createdBy);
    }
  }
}
