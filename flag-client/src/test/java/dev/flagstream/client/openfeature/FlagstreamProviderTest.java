package dev.flagstream.client.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.client.Subscription;
import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flagstream through the OpenFeature client API, as its users call it. */
class FlagstreamProviderTest {
  private final InMemoryFlagClient flags = new InMemoryFlagClient();
  private final String domain = "flagstream-" + UUID.randomUUID();
  private Client client;

  @BeforeEach
  void setProvider() {
    OpenFeatureAPI.getInstance().setProviderAndWait(domain, new FlagstreamProvider(flags));
    client = OpenFeatureAPI.getInstance().getClient(domain);
  }

  @AfterEach
  void shutdown() {
    OpenFeatureAPI.getInstance().getProvider(domain).shutdown();
  }

  @Test
  void booleanFlags_evaluateForTheTargetingKey_withVariantAndReason() {
    UUID listed = UUID.randomUUID();
    flags.set(
        Flag.builder("beta")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(listed))
            .build());
    FlagEvaluationDetails<Boolean> allowlisted =
        client.getBooleanDetails("beta", false, new ImmutableContext(listed.toString()));
    assertThat(allowlisted.getValue()).isTrue();
    assertThat(allowlisted.getVariant()).isEqualTo("on");
    assertThat(allowlisted.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
    assertThat(allowlisted.getFlagMetadata().getString("flagstreamReason"))
        .isEqualTo("ALLOWLISTED");

    FlagEvaluationDetails<Boolean> other =
        client.getBooleanDetails("beta", true, new ImmutableContext("someone"));
    assertThat(other.getValue()).isFalse();
    assertThat(other.getVariant()).isEqualTo("off");
    assertThat(other.getReason()).isEqualTo(Reason.SPLIT.name());

    flags.enable("everyone");
    assertThat(client.getBooleanDetails("everyone", false).getReason())
        .isEqualTo(Reason.STATIC.name());
    flags.disable("killed");
    assertThat(client.getBooleanDetails("killed", true, new ImmutableContext("u")).getReason())
        .isEqualTo(Reason.DISABLED.name());
  }

  @Test
  void unknownFlagsAndOtherTypes_giveTheDefaultWithAnError() {
    FlagEvaluationDetails<Boolean> missing =
        client.getBooleanDetails("missing", true, new ImmutableContext("u"));
    assertThat(missing.getValue()).isTrue();
    assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    flags.enable("a-boolean");
    assertThat(client.getStringValue("a-boolean", "fallback")).isEqualTo("fallback");
    assertThat(client.getStringDetails("a-boolean", "fallback").getErrorCode())
        .isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(client.getIntegerValue("a-boolean", 3)).isEqualTo(3);
    assertThat(client.getDoubleValue("a-boolean", 1.5)).isEqualTo(1.5);
  }

  @Test
  void flagChanges_emitConfigurationChanged_withTheFlagsName() {
    List<List<String>> changed = new CopyOnWriteArrayList<>();
    client.on(
        ProviderEvent.PROVIDER_CONFIGURATION_CHANGED,
        details -> changed.add(details.getFlagsChanged()));
    flags.enable("fresh");
    await().atMost(Duration.ofSeconds(5)).until(() -> changed.contains(List.of("fresh")));
  }

  /**
   * The race of issue 8, seen from OpenFeature: the SDK marks the provider READY when initialize
   * returns, so it must not return while the client is anything else.
   */
  @Test
  void initialize_failsUnlessTheClientIsReadyWhenItReturns() throws Exception {
    StatusOf client = new StatusOf(ClientStatus.STALE);
    FlagstreamProvider provider = new FlagstreamProvider(client, Duration.ZERO);
    assertThatThrownBy(() -> provider.initialize(new ImmutableContext()))
        .isInstanceOf(ProviderNotReadyError.class)
        .hasMessageContaining("STALE");
    client.status = ClientStatus.READY;
    provider.initialize(new ImmutableContext());
    provider.shutdown();
  }

  /** A client whose wait always says ready and whose status the test sets. */
  private static final class StatusOf implements FlagClient {
    private volatile ClientStatus status;

    StatusOf(ClientStatus status) {
      this.status = status;
    }

    @Override
    public ClientStatus status() {
      return status;
    }

    @Override
    public boolean awaitReady(Duration timeout) {
      return true;
    }

    @Override
    public boolean isEnabled(String flag, @Nullable String userId, boolean defaultValue) {
      return defaultValue;
    }

    @Override
    public FlagEvaluation evaluate(String flag, @Nullable String userId) {
      return new FlagEvaluation(
          flag, false, dev.flagstream.contracts.evaluation.Reason.FLAG_NOT_FOUND, -1, 0, true);
    }

    @Override
    public @Nullable Flag flag(String name) {
      return null;
    }

    @Override
    public Collection<Flag> flags() {
      return List.of();
    }

    @Override
    public Subscription onChange(Consumer<FlagChanged> listener) {
      return () -> {};
    }

    @Override
    public Subscription onStatus(Consumer<ClientStatus> listener) {
      return () -> {};
    }

    @Override
    public long revision() {
      return -1;
    }

    @Override
    public Duration dataAge() {
      return Duration.ZERO;
    }

    @Override
    public boolean awaitRevision(String revisionTokens, Duration timeout) {
      return true;
    }

    @Override
    public void close() {}
  }
}
