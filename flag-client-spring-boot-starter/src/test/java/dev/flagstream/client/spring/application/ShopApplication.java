package dev.flagstream.client.spring.application;

import dev.flagstream.client.FlagClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A small service that adds the starter, sets one property and injects the client. */
@SpringBootApplication(proxyBeanMethods = false)
public class ShopApplication {

  @Bean
  Checkout checkout(FlagClient flags) {
    return new Checkout(flags);
  }
}
