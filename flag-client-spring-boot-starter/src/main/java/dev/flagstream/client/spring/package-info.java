/**
 * Spring Boot auto-configuration of the Java client, for Boot 3.5 and 4.0: one {@link
 * dev.flagstream.client.FlagClient} bean made from {@code flagstream.client.*} properties ({@link
 * dev.flagstream.client.spring.FlagstreamClientProperties}), a {@code flagstream} health indicator,
 * Micrometer metrics, and the OpenFeature provider when the OpenFeature SDK is present. An
 * application's own {@code FlagClient} bean, such as the in-memory one of {@link
 * dev.flagstream.client.spring.InMemoryFlagsConfiguration} in tests, replaces the starter's.
 */
@NullMarked
package dev.flagstream.client.spring;

import org.jspecify.annotations.NullMarked;
