/**
 * Two-factor sign-in with time-based one-time passwords (TOTP, RFC 6238): enrolling, the second
 * sign-in step, recovery codes, the roles that must use it, and admins' resets. Secrets are kept
 * encrypted with keys from configuration.
 */
@NullMarked
package dev.flagstream.admin.twofactor;

import org.jspecify.annotations.NullMarked;
