package dev.flagstream.admin.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API token as it may be shown: never the secret, only its recognisable {@code prefix}.
 *
 * @param token the secret itself, present only in the response that created it
 */
public record ApiToken(
    UUID id,
    UUID userId,
    String name,
    String prefix,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    @Nullable String token) {

  ApiToken withSecret(String secret) {
    return new ApiToken(
        id, userId, name, prefix, createdAt, expiresAt, lastUsedAt, revokedAt, secret);
  }
}
