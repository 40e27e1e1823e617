/**
 * What makes a password acceptable: long enough, not common, not the account's own name. Pure
 * rules, used wherever a password is chosen.
 */
@NullMarked
package dev.flagstream.admin.password;

import org.jspecify.annotations.NullMarked;
