/** The append-only record of every change, and reading it back. */
@NullMarked
package dev.flagstream.admin.audit;

import org.jspecify.annotations.NullMarked;
