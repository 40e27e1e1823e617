/**
 * Browser sessions: how they start, how long they last, listing and ending them, and the hook that
 * renews a session's id when its user proves more. Knows users only by id; the accounts feature
 * tells it more through {@link dev.flagstream.admin.session.SessionOwners}.
 */
@NullMarked
package dev.flagstream.admin.session;

import org.jspecify.annotations.NullMarked;
