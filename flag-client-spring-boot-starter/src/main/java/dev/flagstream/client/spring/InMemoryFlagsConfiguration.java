package dev.flagstream.client.spring;

import dev.flagstream.client.testing.InMemoryFlagClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For tests: import it ({@code @Import(InMemoryFlagsConfiguration.class)} on a {@code
 * SpringBootTest}) and the application gets an {@link InMemoryFlagClient} as its {@code
 * FlagClient}, always ready, connected to nothing; the starter's own client backs off. Inject the
 * {@code InMemoryFlagClient} to set flags as the test needs them; health, metrics and the
 * OpenFeature provider report it as they would the real one.
 */
@Configuration(proxyBeanMethods = false)
public class InMemoryFlagsConfiguration {

  /** A new in-memory client holding no flag. */
  @Bean
  public InMemoryFlagClient inMemoryFlagClient() {
    return new InMemoryFlagClient();
  }
}
