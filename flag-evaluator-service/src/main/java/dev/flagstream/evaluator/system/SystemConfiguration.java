package dev.flagstream.evaluator.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole service shares. */
@Configuration
class SystemConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
