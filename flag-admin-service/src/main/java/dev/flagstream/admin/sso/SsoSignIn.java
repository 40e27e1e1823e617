package dev.flagstream.admin.sso;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.ExternalUsers;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.account.User;
import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Who someone the provider vouched for is here. Their role comes from the provider's claims at
 * every sign-in; with none they are refused. At their first sign-in a user is created for them,
 * linked to the identity the provider gives them, its issuer and subject: never to an email
 * address, which the person can change at the provider, which some providers do not verify, and
 * which someone else may hold at another issuer, so matching by email would let anyone who can show
 * that email to a trusted provider take over the account that bears it. For the same reason a first
 * sign-in whose email an existing account already has is refused rather than joined to it. Every
 * outcome is audited and logged.
 */
@Service
final class SsoSignIn {
  private static final int MAX_USER_AGENT = 256;

  private final RoleMapping roles;
  private final SsoIdentities identities;
  private final ExternalUsers users;
  private final AuditLog audit;
  private final SsoEvents events;
  private final TransactionOperations transactions;

  SsoSignIn(
      SsoProperties settings,
      SsoIdentities identities,
      ExternalUsers users,
      AuditLog audit,
      SsoEvents events,
      TransactionOperations transactions) {
    this.roles = new RoleMapping(settings.roles());
    this.identities = identities;
    this.users = users;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
  }

  /**
   * The caller that {@code person} is, their user created or their role brought up to date.
   *
   * @throws SsoRefusal when they may not sign in; the refusal is audited and nothing else changed
   */
  Caller signIn(OidcUser person, HttpServletRequest request) {
    String issuer = Objects.requireNonNull(person.getClaimAsString(IdTokenClaimNames.ISS));
    String subject = person.getSubject();
    try {
      Caller caller =
          Objects.requireNonNull(
              transactions.execute(transaction -> signIn(person, issuer, subject, request)));
      events.succeeded(caller.id().toString(), request);
      return caller;
    } catch (SsoRefusal refusal) {
      transactions.executeWithoutResult(
          transaction -> {
            Optional<UUID> linked = identities.userOf(issuer, subject);
            Map<String, String> details = circumstances(request, issuer);
            details.put("subject", subject);
            details.put("reason", refusal.reason().key);
            details.put("claim", roles.claim());
            audit.record(
                new Actor(linked.orElse(null), emailOrAnonymous(person)),
                AuditAction.LOGIN_SSO_REFUSED,
                linked.map(UUID::toString).orElse("sso-subject:" + subject),
                null,
                details);
          });
      events.refused(refusal.reason().key, request);
      throw refusal;
    }
  }

  private Caller signIn(
      OidcUser person, String issuer, String subject, HttpServletRequest request) {
    Role role =
        roles
            .roleOf(person.getClaims())
            .orElseThrow(
                () ->
                    new SsoRefusal(
                        SsoRefusal.Reason.NO_ROLE,
                        "your identity provider gives you no Flagstream role: none of the values"
                            + " of your '"
                            + roles.claim()
                            + "' claim is mapped to one; ask an administrator"));
    identities.lock(issuer, subject);
    Optional<UUID> linked = identities.userOf(issuer, subject);
    User user;
    if (linked.isPresent()) {
      User before =
          users
              .find(linked.get())
              .orElseThrow(() -> new IllegalStateException("a link without its user"));
      user = users.assignRole(before, role);
      if (user != before) {
        audit.record(actor(user), AuditAction.USER_UPDATED, user.id().toString(), before, user);
      }
    } else {
      user = provision(person, issuer, subject, role);
    }
    identities.signedIn(issuer, subject);
    Map<String, String> details = circumstances(request, issuer);
    details.put("role", role.name());
    audit.record(actor(user), AuditAction.LOGIN_SSO_SUCCEEDED, user.id().toString(), null, details);
    return new Caller(user.id(), user.email(), user.role(), Caller.AuthenticationMethod.SSO);
  }

  /** What the audit log records of a user created just in time. */
  record Provisioned(User user, String issuer, String subject) {}

  private User provision(OidcUser person, String issuer, String subject, Role role) {
    String email =
        ExternalUsers.accountEmail(person.getEmail())
            .orElseThrow(
                () ->
                    new SsoRefusal(
                        SsoRefusal.Reason.NO_EMAIL,
                        "your identity provider gave no email address; Flagstream names accounts"
                            + " by email (ask for the email scope)"));
    User created =
        users
            .create(email, role)
            .orElseThrow(
                () ->
                    new SsoRefusal(
                        SsoRefusal.Reason.EMAIL_TAKEN,
                        "an account with your email address already exists and signs in"
                            + " otherwise; an administrator must remove it before you can sign in"
                            + " through your identity provider"));
    identities.link(issuer, subject, created.id());
    audit.record(
        actor(created),
        AuditAction.USER_PROVISIONED,
        created.id().toString(),
        null,
        new Provisioned(created, issuer, subject));
    return created;
  }

  private static Actor actor(User user) {
    return new Actor(user.id(), user.email());
  }

  private static String emailOrAnonymous(OidcUser person) {
    return ExternalUsers.accountEmail(person.getEmail()).orElse(Actor.ANONYMOUS.email());
  }

  private static Map<String, String> circumstances(HttpServletRequest request, String issuer) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("method", "sso");
    details.put("issuer", issuer);
    details.put("sourceAddress", request.getRemoteAddr());
    String agent = userAgent(request);
    if (agent != null) {
      details.put("userAgent", agent);
    }
    return details;
  }

  private static @Nullable String userAgent(HttpServletRequest request) {
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    return agent == null || agent.length() <= MAX_USER_AGENT
        ? agent
        : agent.substring(0, MAX_USER_AGENT);
  }
}
