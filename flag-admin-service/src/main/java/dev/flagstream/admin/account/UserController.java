package dev.flagstream.admin.account;

import dev.flagstream.admin.system.Problems;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** User administration, for admins only. */
@RestController
class UserController {
  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  record NewUser(@Nullable String email, @Nullable String password, @Nullable Role role) {}

  record UserChange(@Nullable Role role, @Nullable String password) {}

  @GetMapping("/api/admin/users")
  List<User> list() {
    return users.list();
  }

  @GetMapping("/api/admin/users/{id}")
  User get(@PathVariable UUID id) {
    return users.find(id).orElseThrow(() -> Problems.notFound("no user with id " + id));
  }

  @PostMapping("/api/admin/users")
  ResponseEntity<User> create(
      @RequestBody(required = false) @Nullable NewUser request,
      @AuthenticationPrincipal Caller caller) {
    NewUser body = request == null ? new NewUser(null, null, null) : request;
    User created = users.create(caller.actor(), body.email(), body.password(), body.role());
    return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
  }

  @PatchMapping("/api/admin/users/{id}")
  User update(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable UserChange request,
      @AuthenticationPrincipal Caller caller) {
    if (request == null || (request.role() == null && request.password() == null)) {
      throw Problems.invalid("role", "or password must be given");
    }
    return users.update(caller.actor(), id, request.role(), request.password());
  }

  @DeleteMapping("/api/admin/users/{id}")
  ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
    users.delete(caller.actor(), id);
    return ResponseEntity.noContent().build();
  }
}
