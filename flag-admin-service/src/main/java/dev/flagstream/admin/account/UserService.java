package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: the changes only admins make, each audited. */
@Service
public class UserService {
  private final UserRepository users;
  private final Passwords passwords;
  private final AuditLog audit;
  private final Sessions sessions;

  UserService(UserRepository users, Passwords passwords, AuditLog audit, Sessions sessions) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.sessions = sessions;
  }

  @Transactional(readOnly = true)
  public List<User> list() {
    return users.list();
  }

  @Transactional(readOnly = true)
  Optional<User> find(UUID id) {
    return users.find(id);
  }

  @Transactional
  public User create(
      Actor actor, @Nullable String email, @Nullable String password, @Nullable Role role) {
    List<Violation> violations = new ArrayList<>();
    String normalized = email == null ? null : Emails.normalize(email);
    if (normalized == null) {
      violations.add(new Violation("email", "is required"));
    } else {
      Emails.check(normalized).ifPresent(violations::add);
    }
    if (password == null) {
      violations.add(new Violation("password", "is required"));
    } else {
      Passwords.check("password", password, normalized == null ? "" : normalized)
          .ifPresent(violations::add);
    }
    if (role == null) {
      violations.add(new Violation("role", "is required: ADMIN, EDITOR or VIEWER"));
    }
    if (!violations.isEmpty() || normalized == null || password == null || role == null) {
      throw Problems.invalid(violations); // no violations means all three were given
    }
    User created;
    try {
      created = users.insert(normalized, passwords.hash(password), role);
    } catch (DuplicateKeyException e) {
      throw Problems.conflict("a user with email '" + normalized + "' already exists");
    }
    audit.record(actor, AuditAction.USER_CREATED, created.id().toString(), null, created);
    return created;
  }

  /** Changes a user's role and/or password; the last admin cannot stop being one. */
  @Transactional
  public User update(Actor actor, UUID id, @Nullable Role role, @Nullable String password) {
    User before = users.find(id).orElseThrow(() -> Problems.notFound("no user with id " + id));
    if (password != null) {
      Passwords.check("password", password, before.email())
          .ifPresent(
              v -> {
                throw Problems.invalid(List.of(v));
              });
    }
    if (role != null
        && role != Role.ADMIN
        && before.role() == Role.ADMIN
        && users.lockAdmins() == 1) {
      throw Problems.conflict("the last admin cannot be given another role");
    }
    User after = before;
    if (role != null && role != before.role()) {
      after = users.updateRole(id, role);
    }
    if (password != null) {
      after = users.updatePassword(id, passwords.hash(password));
    }
    audit.record(actor, AuditAction.USER_UPDATED, id.toString(), before, after);
    sessions.endAll(id);
    return after;
  }

  @Transactional
  void delete(Actor actor, UUID id) {
    User before = users.find(id).orElseThrow(() -> Problems.notFound("no user with id " + id));
    if (before.role() == Role.ADMIN && users.lockAdmins() == 1) {
      throw Problems.conflict("the last admin cannot be deleted");
    }
    users.delete(id);
    audit.record(actor, AuditAction.USER_DELETED, id.toString(), before, null);
    sessions.endAll(id);
  }
}
