package dev.flagstream.admin.sso;

import dev.flagstream.admin.account.Role;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The role a provider's claims give: the highest role any value of the configured claim is mapped
 * to. The claim may hold a list of values or a single one; anything else, or no claim, gives none.
 */
final class RoleMapping {
  private final String claim;
  private final List<Grant> grants; // highest role first

  private record Grant(Role role, Set<String> values) {}

  RoleMapping(SsoProperties.Roles roles) {
    this.claim = roles.claim();
    this.grants =
        List.of(
            new Grant(Role.ADMIN, Set.copyOf(roles.admin())),
            new Grant(Role.EDITOR, Set.copyOf(roles.editor())),
            new Grant(Role.VIEWER, Set.copyOf(roles.viewer())));
  }

  /** The claim whose values are mapped. */
  String claim() {
    return claim;
  }

  /** The highest role that {@code claims} give, or empty when they give none. */
  Optional<Role> roleOf(Map<String, Object> claims) {
    Set<String> held = valuesOf(claims.get(claim));
    return grants.stream()
        .filter(grant -> grant.values().stream().anyMatch(held::contains))
        .map(Grant::role)
        .findFirst();
  }

  private static Set<String> valuesOf(@Nullable Object value) {
    if (value instanceof String single) {
      return Set.of(single);
    }
    if (value instanceof Collection<?> many) {
      return many.stream()
          .filter(String.class::isInstance)
          .map(String.class::cast)
          .collect(Collectors.toSet());
    }
    return Set.of();
  }
}
