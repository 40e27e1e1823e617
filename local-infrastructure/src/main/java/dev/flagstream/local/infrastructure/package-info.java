/**
 * Real infrastructure from Maven artifacts, for integration tests and the one-command local run: no
 * Docker, no installs. Nothing here belongs in a production deployment.
 */
@NullMarked
package dev.flagstream.local.infrastructure;

import org.jspecify.annotations.NullMarked;
