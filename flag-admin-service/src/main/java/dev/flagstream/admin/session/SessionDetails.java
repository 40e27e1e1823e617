package dev.flagstream.admin.session;

import dev.flagstream.admin.system.RequestOrigin;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What a session records when it starts, kept as one of its attributes: a handle that names it
 * wherever the session id must not be shown (the id is the cookie's value, a credential), when its
 * user signed in, and where from. The handle stays when the id is renewed.
 *
 * @param handle 128 random bits, base64url: unguessable, and no use without the cookie
 */
record SessionDetails(
    String handle, Instant signedInAt, String clientAddress, @Nullable String userAgent)
    implements Serializable {
  /** The attribute holding the details. */
  static final String ATTRIBUTE = "flagstream.session.details";

  /** The attribute holding the {@link Instant} of the session's latest request, by the clock. */
  static final String LAST_SEEN = "flagstream.session.last-seen";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The details, with a new handle, of a session started at {@code signedInAt} from {@code origin}.
   */
  static SessionDetails startingAt(Instant signedInAt, RequestOrigin origin) {
    byte[] handle = new byte[16];
    RANDOM.nextBytes(handle);
    return new SessionDetails(
        Base64.getUrlEncoder().withoutPadding().encodeToString(handle),
        signedInAt,
        origin.clientAddress(),
        origin.userAgent());
  }
}
