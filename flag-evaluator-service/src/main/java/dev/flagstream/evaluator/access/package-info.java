/** Who may call: server and client SDK keys, and the browser origins allowed. */
@NullMarked
package dev.flagstream.evaluator.access;

import org.jspecify.annotations.NullMarked;
