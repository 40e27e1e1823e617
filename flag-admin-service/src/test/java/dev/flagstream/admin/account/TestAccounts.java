package dev.flagstream.admin.account;

import org.springframework.context.ApplicationContext;

/** Users of every role with known API tokens, created once per test database. */
public final class TestAccounts {
  public static final String PASSWORD = "correct-horse-battery-staple";
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String EDITOR_EMAIL = "editor@example.com";
  public static final String VIEWER_EMAIL = "viewer@example.com";
  // Generated as the service generates tokens; the admin's is the bootstrap token, which must be.
  public static final String ADMIN_TOKEN = "fst_Cj46-OgkG2ePyJcjqDfhWjpbG4BmNfbPGSOHlgzbaFc";
  public static final String EDITOR_TOKEN = "fst_G5aVawbIuwku7ddKQYVs3dLfCmZNP21CJiXb5DBqgGE";
  public static final String VIEWER_TOKEN = "fst_iZF-oPbru2GGV9j1oTv2dbgznp6Tu6sFTJBGq7-WTwA";

  private TestAccounts() {}

  /** The properties that make the bootstrap admin the test admin. */
  public static String[] bootstrapProperties() {
    return new String[] {
      "flags.bootstrap.admin.email=" + ADMIN_EMAIL,
      "flags.bootstrap.admin.password=" + PASSWORD,
      "flags.bootstrap.token=" + ADMIN_TOKEN
    };
  }

  /** Makes sure the editor and viewer exist with their tokens; the admin comes from bootstrap. */
  public static void ensure(ApplicationContext context) {
    UserRepository users = context.getBean(UserRepository.class);
    TokenRepository tokens = context.getBean(TokenRepository.class);
    Passwords passwords = context.getBean(Passwords.class);
    ensure(users, tokens, passwords, EDITOR_EMAIL, Role.EDITOR, EDITOR_TOKEN);
    ensure(users, tokens, passwords, VIEWER_EMAIL, Role.VIEWER, VIEWER_TOKEN);
  }

  private static void ensure(
      UserRepository users,
      TokenRepository tokens,
      Passwords passwords,
      String email,
      Role role,
      String token) {
    User user =
        users
            .findByEmail(email)
            .map(UserRepository.WithPassword::user)
            .orElseGet(() -> users.insert(email, passwords.hash(PASSWORD), role));
    if (!tokens.existsWithSecret(token)) {
      tokens.insert(user.id(), "test", token, null);
    }
  }
}
