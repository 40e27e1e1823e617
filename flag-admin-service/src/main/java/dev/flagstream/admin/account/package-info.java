/** Users, roles, API tokens, sessions: who may do what. */
@NullMarked
package dev.flagstream.admin.account;

import org.jspecify.annotations.NullMarked;
