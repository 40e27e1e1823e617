package dev.flagstream.client.spring;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Sets the provider on the OpenFeature API when the context starts (for {@code domain}, or as the
 * default provider when it is empty), and takes it off when the context closes, if it is still the
 * one set.
 */
final class OpenFeatureRegistration implements InitializingBean, DisposableBean {
  private final OpenFeatureAPI api;
  private final FeatureProvider provider;
  private final String domain;

  OpenFeatureRegistration(OpenFeatureAPI api, FeatureProvider provider, String domain) {
    this.api = api;
    this.provider = provider;
    this.domain = domain;
  }

  @Override
  public void afterPropertiesSet() {
    if (domain.isEmpty()) {
      api.setProvider(provider);
    } else {
      api.setProvider(domain, provider);
    }
  }

  @Override
  public void destroy() {
    FeatureProvider current = domain.isEmpty() ? api.getProvider() : api.getProvider(domain);
    if (current == provider) {
      if (domain.isEmpty()) {
        api.setProvider(new NoOpProvider());
      } else {
        api.setProvider(domain, new NoOpProvider());
      }
    }
  }
}
