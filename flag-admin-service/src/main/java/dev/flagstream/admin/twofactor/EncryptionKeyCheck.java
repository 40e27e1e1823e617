package dev.flagstream.admin.twofactor;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Checks the encryption keys against what is stored before the service takes requests, and moves
 * every secret onto the current key. The start stops when a secret's key is not configured (its
 * user could never sign in again) or when roles must use two-factor sign-in and no key is
 * configured (nobody could set it up). Without keys and without such a requirement the service runs
 * with two-factor sign-in unavailable.
 */
@Component
final class EncryptionKeyCheck implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(EncryptionKeyCheck.class);

  private final EncryptionKeys keys;
  private final SecretCipher cipher;
  private final TwoFactorRepository enrolments;
  private final RequiredRoles requiredRoles;

  EncryptionKeyCheck(
      EncryptionKeys keys,
      SecretCipher cipher,
      TwoFactorRepository enrolments,
      RequiredRoles requiredRoles) {
    this.keys = keys;
    this.cipher = cipher;
    this.enrolments = enrolments;
    this.requiredRoles = requiredRoles;
  }

  @Override
  public void afterPropertiesSet() {
    Set<String> missing = keys.missing(enrolments.keyIdsInUse());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "two-factor secrets are encrypted with keys that "
              + EncryptionKeys.PROPERTY
              + " does not list: "
              + missing
              + "; add them back (after the current key) or their users cannot sign in");
    }
    if (keys.isEmpty()) {
      if (!requiredRoles.get().isEmpty()) {
        throw new IllegalStateException(
            "two-factor sign-in is required of "
                + requiredRoles.get()
                + " but "
                + EncryptionKeys.PROPERTY
                + " is empty: configure a key, or nobody of those roles can sign in");
      }
      log.info("Two-factor sign-in is unavailable until {} is configured", EncryptionKeys.PROPERTY);
      return;
    }
    reencryptWithTheCurrentKey();
  }

  // Secrets of older keys are moved onto the current one at every start, so an old key can be
  // dropped after one start with the new key first. Each update is conditional on the row it read:
  // replicas starting together do not overwrite each other's work.
  private void reencryptWithTheCurrentKey() {
    List<String> older = keys.ids().subList(1, keys.ids().size());
    if (older.isEmpty()) {
      return;
    }
    List<TwoFactorRepository.Enrolment> stale = enrolments.sealedWith(older);
    for (TwoFactorRepository.Enrolment enrolment : stale) {
      byte[] context = SecretCipher.contextOf(enrolment.userId());
      byte[] secret = cipher.open(enrolment.secret(), context);
      enrolments.reseal(enrolment.userId(), enrolment.secret(), cipher.seal(secret, context));
    }
    if (!stale.isEmpty()) {
      log.info(
          "Re-encrypted {} two-factor secrets with the key '{}'",
          stale.size(),
          keys.current().id());
    }
  }
}
