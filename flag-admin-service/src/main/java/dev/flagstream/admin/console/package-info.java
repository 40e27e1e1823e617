/**
 * The console: the web pages people drive Flagstream with, served at {@code /}. Pages are rendered
 * on the server (Thymeleaf) and work as plain forms; htmx swaps parts of them in place where a
 * script runs. Every action goes through the same services, and is allowed to the same roles, as
 * the admin API.
 */
@NullMarked
package dev.flagstream.admin.console;

import org.jspecify.annotations.NullMarked;
