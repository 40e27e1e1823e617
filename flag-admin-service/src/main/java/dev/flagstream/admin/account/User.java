package dev.flagstream.admin.account;

import java.time.Instant;
import java.util.UUID;

/** A person who may sign in. The password hash never leaves the account package. */
public record User(UUID id, String email, Role role, Instant createdAt, Instant updatedAt) {}
