package dev.flagstream.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenFeature provider on the platform's {@code dev.openfeature:sdk}: it answers from the
 * client, and tells the SDK of every change. Consumer projects without the SDK leave it out.
 */
class OpenFeatureProviderTest {

  @Test
  void provider_answersFromTheClient_andTellsOfAChange() throws Exception {
    InMemoryFlagClient flags = new InMemoryFlagClient().enable("new-checkout");
    OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    api.setProviderAndWait("flagstream-kit", new FlagstreamProvider(flags));
    Client client = api.getClient("flagstream-kit");
    BlockingQueue<EventDetails> changes = new LinkedBlockingQueue<>();
    client.onProviderConfigurationChanged(changes::add);

    assertThat(client.getBooleanValue("new-checkout", false, new ImmutableContext("user-1")))
        .isTrue();
    flags.disable("new-checkout");

    assertThat(changes.poll(Broker.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("the change, told")
        .extracting(EventDetails::getFlagsChanged)
        .isEqualTo(List.of("new-checkout"));
    assertThat(client.getBooleanValue("new-checkout", true, new ImmutableContext("user-1")))
        .isFalse();
    api.shutdown();
  }
}
