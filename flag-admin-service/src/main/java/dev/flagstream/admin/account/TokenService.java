package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens: each acts as the user who created it, until it expires or is revoked. */
@Service
public class TokenService {
  private final TokenRepository tokens;
  private final AuditLog audit;
  private final Clock clock;

  TokenService(TokenRepository tokens, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a token for the caller; the secret is in the result and nowhere else, ever. */
  @Transactional
  public ApiToken create(Caller caller, @Nullable String name, @Nullable Instant expiresAt) {
    List<Violation> violations = new ArrayList<>();
    if (name == null || name.isBlank()) {
      violations.add(new Violation("name", "is required: say what the token is for"));
    } else if (name.length() > 100) {
      violations.add(new Violation("name", "must be at most 100 characters"));
    }
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      violations.add(new Violation("expiresAt", "must be in the future"));
    }
    if (!violations.isEmpty() || name == null) { // no violations means a name was given
      throw Problems.invalid(violations);
    }
    String secret = TokenSecrets.generate();
    ApiToken created = tokens.insert(caller.id(), name.strip(), secret, expiresAt);
    audit.record(caller.actor(), AuditAction.TOKEN_CREATED, created.id().toString(), null, created);
    return created.withSecret(secret);
  }

  /** The caller's tokens, or, for an admin asking for all, everyone's. */
  @Transactional(readOnly = true)
  public List<ApiToken> list(Caller caller, boolean all) {
    if (all && caller.role() != Role.ADMIN) {
      throw Problems.forbidden("only admins may list everyone's tokens");
    }
    return tokens.list(all ? null : caller.id());
  }

  /** Revokes a token of the caller's, or anyone's for an admin; others' tokens do not exist. */
  @Transactional
  public ApiToken revoke(Caller caller, UUID id) {
    Optional<ApiToken> token =
        tokens.find(id).filter(t -> t.userId().equals(caller.id()) || caller.role() == Role.ADMIN);
    ApiToken before = token.orElseThrow(() -> Problems.notFound("no token with id " + id));
    ApiToken after = tokens.revoke(id);
    if (before.revokedAt() == null) {
      audit.record(caller.actor(), AuditAction.TOKEN_REVOKED, id.toString(), before, after);
    }
    return after;
  }
}
