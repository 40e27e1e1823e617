/** What every request shares: request ids, size limits, problem responses, health. */
@NullMarked
package dev.flagstream.admin.system;

import org.jspecify.annotations.NullMarked;
