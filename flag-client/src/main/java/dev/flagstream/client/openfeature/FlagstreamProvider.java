package dev.flagstream.client.openfeature;

import static java.util.Objects.requireNonNull;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.client.Subscription;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OpenFeature provider backed by a {@link FlagClient}. Flagstream flags are booleans: the
 * targeting key is the user id, the variant is {@code on} or {@code off}. Emits READY,
 * CONFIGURATION_CHANGED (naming the changed flag), STALE and ERROR as the client's status and flags
 * change. The caller owns the client and closes it.
 *
 * <pre>{@code
 * OpenFeatureAPI.getInstance().setProviderAndWait(new FlagstreamProvider(flagClient));
 * boolean on = OpenFeatureAPI.getInstance().getClient()
 *     .getBooleanValue("new-checkout", false, new ImmutableContext(userId));
 * }</pre>
 */
public final class FlagstreamProvider extends EventProvider {
  private static final Metadata METADATA = () -> "flagstream";
  private static final String STALE = "STALE";

  private final FlagClient client;
  private final Duration readyTimeout;
  private @Nullable Subscription changes;
  private @Nullable Subscription statuses;

  public FlagstreamProvider(FlagClient client) {
    this(client, Duration.ofSeconds(10));
  }

  /** A provider whose {@code initialize} waits at most {@code readyTimeout} for the flags. */
  public FlagstreamProvider(FlagClient client, Duration readyTimeout) {
    this.client = requireNonNull(client, "client");
    this.readyTimeout = requireNonNull(readyTimeout, "readyTimeout");
  }

  @Override
  public Metadata getMetadata() {
    return METADATA;
  }

  /**
   * Waits up to the ready timeout until the client is {@link ClientStatus#READY}.
   *
   * @throws ProviderNotReadyError when it is not READY in time, or no longer READY when the wait
   *     ends: the SDK marks the provider READY when this returns, so it returns only then. Later
   *     statuses are emitted as events either way, so a provider that failed here becomes READY
   *     when the client does.
   */
  @Override
  public void initialize(EvaluationContext context) throws Exception {
    changes =
        client.onChange(
            change ->
                emitProviderConfigurationChanged(
                    ProviderEventDetails.builder().flagsChanged(List.of(change.name())).build()));
    boolean ready = client.awaitReady(readyTimeout);
    // Subscribed after the wait, so that no event of the start-up races the SDK's own READY; a
    // change before the subscription shows in the status read after it, a later one as an event.
    statuses = client.onStatus(this::statusChanged);
    ClientStatus now = client.status();
    if (now != ClientStatus.READY) {
      throw new ProviderNotReadyError(
          ready
              ? "Flagstream became " + now + " while starting"
              : "Flagstream did not read the flags within " + readyTimeout);
    }
  }

  private void statusChanged(ClientStatus status) {
    ProviderEventDetails details =
        ProviderEventDetails.builder().message("flagstream " + status).build();
    switch (status) {
      case READY -> emitProviderReady(details);
      case STALE -> emitProviderStale(details);
      case ERROR ->
          emitProviderError(
              ProviderEventDetails.builder()
                  .message("flagstream could not read the flags")
                  .errorCode(ErrorCode.PROVIDER_NOT_READY)
                  .build());
      case STARTING -> {
        // nothing to tell: the SDK reports NOT_READY until initialize returns
      }
    }
  }

  @Override
  public void shutdown() {
    if (changes != null) {
      changes.close();
    }
    if (statuses != null) {
      statuses.close();
    }
    super.shutdown();
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext context) {
    FlagEvaluation evaluation = client.evaluate(key, context.getTargetingKey());
    if (evaluation.defaulted()) {
      return ProviderEvaluation.<Boolean>builder()
          .value(defaultValue)
          .reason(Reason.ERROR.name())
          .errorCode(ErrorCode.FLAG_NOT_FOUND)
          .errorMessage("no flag named '" + key + "'")
          .build();
    }
    return ProviderEvaluation.<Boolean>builder()
        .value(evaluation.value())
        .variant(evaluation.value() ? "on" : "off")
        .reason(reason(evaluation))
        .flagMetadata(
            ImmutableMetadata.builder()
                .addString("flagstreamReason", evaluation.reason().name())
                .addLong("version", evaluation.version())
                .build())
        .build();
  }

  private String reason(FlagEvaluation evaluation) {
    if (client.status() == ClientStatus.STALE) {
      return STALE; // the specification's reason, which this SDK's enum lacks
    }
    return switch (evaluation.reason()) {
      case DISABLED -> Reason.DISABLED.name();
      case ALLOWLISTED -> Reason.TARGETING_MATCH.name();
      case FULL_ROLLOUT -> Reason.STATIC.name();
      case IN_ROLLOUT, OUT_OF_ROLLOUT -> Reason.SPLIT.name();
      case NO_USER, FLAG_NOT_FOUND -> Reason.DEFAULT.name();
    };
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext context) {
    return typeMismatch(defaultValue);
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext context) {
    return typeMismatch(defaultValue);
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext context) {
    return typeMismatch(defaultValue);
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext context) {
    return typeMismatch(defaultValue);
  }

  private static <T> ProviderEvaluation<T> typeMismatch(T defaultValue) {
    return ProviderEvaluation.<T>builder()
        .value(defaultValue)
        .reason(Reason.ERROR.name())
        .errorCode(ErrorCode.TYPE_MISMATCH)
        .errorMessage("Flagstream flags are booleans")
        .build();
  }
}
