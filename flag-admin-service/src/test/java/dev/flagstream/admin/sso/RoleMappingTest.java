package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleMappingTest {
  private final RoleMapping mapping =
      new RoleMapping(
          new SsoProperties.Roles(
              "groups",
              List.of("flagstream-admins"),
              List.of("flagstream-editors", "release-managers"),
              List.of("flagstream-viewers")));

  private Optional<Role> roleOf(Object groups) {
    return mapping.roleOf(Map.of("groups", groups, "sub", "someone"));
  }

  @Test
  void roleOf_eachMappedValue_givesItsRole() {
    assertThat(roleOf(List.of("flagstream-admins"))).contains(Role.ADMIN);
    assertThat(roleOf(List.of("flagstream-editors"))).contains(Role.EDITOR);
    assertThat(roleOf(List.of("release-managers"))).contains(Role.EDITOR);
    assertThat(roleOf(List.of("flagstream-viewers"))).contains(Role.VIEWER);
  }

  @Test
  void roleOf_valuesOfSeveralRoles_givesTheHighest_inAnyOrder() {
    assertThat(roleOf(List.of("flagstream-viewers", "flagstream-admins", "flagstream-editors")))
        .contains(Role.ADMIN);
    assertThat(roleOf(List.of("flagstream-viewers", "release-managers"))).contains(Role.EDITOR);
    assertThat(roleOf(List.of("release-managers", "flagstream-viewers"))).contains(Role.EDITOR);
  }

  @Test
  void roleOf_noMappedValue_givesNone() {
    assertThat(roleOf(List.of("marketing", "Flagstream-Admins"))).isEmpty();
    assertThat(roleOf(List.of())).isEmpty();
  }

  @Test
  void roleOf_aSingleStringClaim_isOneValue() {
    assertThat(roleOf("flagstream-editors")).contains(Role.EDITOR);
    assertThat(roleOf("flagstream-admins flagstream-editors")).isEmpty();
  }

  @Test
  void roleOf_noClaim_orOneOfAnotherShape_givesNone() {
    assertThat(mapping.roleOf(Map.of("roles", List.of("flagstream-admins")))).isEmpty();
    assertThat(roleOf(Map.of("flagstream-admins", true))).isEmpty();
    assertThat(roleOf(42)).isEmpty();
  }

  @Test
  void roleOf_nonStringValuesInTheList_areSkipped() {
    assertThat(roleOf(Arrays.asList(7, null, "flagstream-viewers"))).contains(Role.VIEWER);
  }

  @Test
  void roleOf_readsTheConfiguredClaim() {
    RoleMapping roles =
        new RoleMapping(new SsoProperties.Roles("roles", List.of(), List.of(), List.of("reader")));
    assertThat(roles.claim()).isEqualTo("roles");
    assertThat(roles.roleOf(Map.of("roles", List.of("reader")))).contains(Role.VIEWER);
    assertThat(roles.roleOf(Map.of("groups", List.of("reader")))).isEmpty();
  }
}
