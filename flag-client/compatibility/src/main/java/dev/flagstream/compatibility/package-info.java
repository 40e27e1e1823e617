/**
 * The compatibility kit: tests of the Java client through its public API, packaged as main code so
 * that every consumer project of the matrix runs them (Surefire's {@code dependenciesToScan}) on
 * its own class path, with the versions its platform resolves. They need a Kafka broker, named by
 * the system property {@code flagstream.kafka}.
 */
@NullMarked
package dev.flagstream.compatibility;

import org.jspecify.annotations.NullMarked;
