package dev.flagstream.admin.sso;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one provider, described by its discovery document, which is read at the first sign-in rather
 * than at start: the service, its API tokens and password sign-in work while the provider is away.
 * A failed read is tried again at the next sign-in; a successful one is kept.
 */
final class ProviderRegistration implements ClientRegistrationRepository {
  private final SsoProperties settings;
  private volatile @Nullable ClientRegistration registration;

  ProviderRegistration(SsoProperties settings) {
    this.settings = settings;
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    return settings.registrationId().equals(registrationId) ? registration() : null;
  }

  /**
   * The provider's registration, read from its discovery document if not yet known.
   *
   * @throws IllegalArgumentException when the document cannot be read or does not describe the
   *     configured issuer
   */
  ClientRegistration registration() {
    ClientRegistration known = registration;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (registration == null) {
        registration = discover();
      }
      return SsoProperties.required(registration);
    }
  }

  private ClientRegistration discover() {
    return ClientRegistrations.fromIssuerLocation(settings.issuer().toString())
        .registrationId(settings.registrationId())
        .clientId(SsoProperties.required(settings.clientId()))
        .clientSecret(SsoProperties.required(settings.clientSecret()))
        .clientName(settings.displayName())
        .scope(settings.scopes())
        .redirectUri("{baseUrl}" + settings.redirectPath())
        // PKCE for a confidential client too (RFC 9700): a stolen code is useless without the
        // verifier, which never leaves this service.
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .build();
  }
}
