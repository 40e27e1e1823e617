package dev.flagstream.evaluator.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The keys that may call a controller method. Every API method carries one; the check runs after
 * the router has picked the method, so it holds however the path was written. A method without one
 * is open only to server and metrics keys.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface KeyRequired {
  /** The kinds of key accepted. */
  KeyKind[] value();

  /**
   * Whether a client key may come as the query parameter {@code key}, for a browser's EventSource,
   * which cannot send headers. Other keys never travel in URLs.
   */
  boolean inQuery() default false;
}
