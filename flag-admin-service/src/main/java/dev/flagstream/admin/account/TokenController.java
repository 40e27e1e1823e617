package dev.flagstream.admin.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for automation; any signed-in user may hold some, acting with their own role. */
@RestController
class TokenController {
  private final TokenService tokens;

  TokenController(TokenService tokens) {
    this.tokens = tokens;
  }

  record NewToken(@Nullable String name, @Nullable Instant expiresAt) {}

  /** Creates a token; the response is the only place its secret ever appears. */
  @PostMapping("/api/auth/tokens")
  ResponseEntity<ApiToken> create(
      @RequestBody(required = false) @Nullable NewToken request,
      @AuthenticationPrincipal Caller caller) {
    ApiToken created =
        tokens.create(
            caller,
            request == null ? null : request.name(),
            request == null ? null : request.expiresAt());
    return ResponseEntity.created(URI.create("/api/auth/tokens/" + created.id()))
        .header("Cache-Control", "no-store")
        .body(created);
  }

  @GetMapping("/api/auth/tokens")
  List<ApiToken> list(
      @RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal Caller caller) {
    return tokens.list(caller, all);
  }

  @DeleteMapping("/api/auth/tokens/{id}")
  ApiToken revoke(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
    return tokens.revoke(caller, id);
  }
}
