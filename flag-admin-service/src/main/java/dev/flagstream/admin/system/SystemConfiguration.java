package dev.flagstream.admin.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole service shares. */
@Configuration
class SystemConfiguration {
  /** The time source; tests replace it to control time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
