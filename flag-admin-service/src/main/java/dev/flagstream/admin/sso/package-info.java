/**
 * Single sign-on through an OpenID Connect provider: the authorization code flow with PKCE, roles
 * from a claim, users created at their first sign-in, and the same browser session a password
 * sign-in gives.
 */
@NullMarked
package dev.flagstream.admin.sso;

import org.jspecify.annotations.NullMarked;
