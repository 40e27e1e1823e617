/**
 * The admin service: the source of truth for flags, their API and console, the accounts and audit
 * log behind them, and the change data capture that publishes every committed change.
 */
@NullMarked
package dev.flagstream.admin;

import org.jspecify.annotations.NullMarked;
