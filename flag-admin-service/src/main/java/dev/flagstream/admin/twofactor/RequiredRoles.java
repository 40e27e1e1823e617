package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roles whose users must sign in with two factors, kept in the {@code two_factor_requirement}
 * table so that every replica applies the same rule.
 */
@Repository
class RequiredRoles {
  private static final String SELECT =
      "SELECT array_to_string(required_roles, ',') FROM two_factor_requirement";

  private final JdbcClient jdbc;

  RequiredRoles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Set<Role> get() {
    return roles(jdbc.sql(SELECT).query(String.class).single());
  }

  /** The roles as they are, the row locked until the transaction ends. */
  Set<Role> lock() {
    return roles(jdbc.sql(SELECT + " FOR UPDATE").query(String.class).single());
  }

  void set(Set<Role> roles) {
    jdbc.sql("UPDATE two_factor_requirement SET required_roles = string_to_array(?, ',')")
        .param(roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
        .update();
  }

  private static Set<Role> roles(String names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(names.split(","))
        .filter(name -> !name.isEmpty())
        .forEach(name -> roles.add(Role.valueOf(name)));
    return roles;
  }
}
