/** Flags: the admin API over them, their storage, and the changes that are audited. */
@NullMarked
package dev.flagstream.admin.flag;

import org.jspecify.annotations.NullMarked;
