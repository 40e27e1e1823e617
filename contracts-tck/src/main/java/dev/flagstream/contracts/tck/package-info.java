/**
 * The Flagstream conformance kit: the suite of {@code contracts/spec} on the class path ({@link
 * dev.flagstream.contracts.tck.ConformanceSpec}) and the JUnit kit that runs it against a Java
 * implementation ({@link dev.flagstream.contracts.tck.ConformanceKit}). Depend on it with test
 * scope.
 */
@NullMarked
package dev.flagstream.contracts.tck;

import org.jspecify.annotations.NullMarked;
