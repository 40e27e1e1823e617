package dev.flagstream.client.docs;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The code of {@code docs/java-client.md}: each tagged region is a code block there, word for word
 * ({@link DocSnippetsTest} holds the doc to it). Compiled with the tests, and run by {@link
 * JavaClientSnippetsTest} wherever no broker is needed. Change the code here, then paste it into
 * the doc.
 */
final class JavaClientSnippets {
  private JavaClientSnippets() {}

  /** Builds a client against a cluster and an evaluator; compiled, not run (it needs both). */
  static FlagClient connect(String serverKey) throws InterruptedException {
    // tag::quick-start[]
    FlagClient flags =
        FlagClient.builder()
            .kafka("kafka:9092") // instant updates
            .evaluator(URI.create("http://evaluator:3002"), serverKey) // safety net, every 60 s
            .build();
    flags.awaitReady(Duration.ofSeconds(10)); // optional: fail fast at start-up

    // end::quick-start[]
    return flags;
  }

  static void use(FlagClient flags, String userId, Logger log) {
    // tag::quick-start[]
    flags.isEnabled("new-checkout", userId); // false when unknown
    flags.isEnabled("new-checkout", userId, true); // the caller's default when unknown
    flags.evaluate("new-checkout", userId); // value, reason, bucket, version
    flags.onChange(change -> log.info("{} changed", change.name()));
    flags.onStatus(status -> log.info("flags are {}", status));
    // end::quick-start[]
  }

  /** Reads the change an admin write made; {@code response} is the admin's answer to the write. */
  static boolean readYourWrites(
      FlagClient flags, HttpResponse<?> response, String userId, Logger log)
      throws InterruptedException {
    // tag::read-your-writes[]
    String token = response.headers().firstValue("Flagstream-Revision").orElseThrow(); // checkout@3
    if (!flags.awaitRevision(token, Duration.ofSeconds(2))) {
      log.warn("Flag change {} not applied yet; serving what is held", token);
    }
    boolean enabled = flags.isEnabled("checkout", userId); // the new value, when applied
    // end::read-your-writes[]
    return enabled;
  }

  /** A client of a cluster with TLS and SASL; compiled, not run (it needs the cluster). */
  static FlagClient secureCluster(String secret, String truststorePassword) {
    // tag::secure-cluster[]
    FlagClient flags =
        FlagClient.builder()
            .kafka("kafka-1:9093,kafka-2:9093")
            .kafkaProperty("security.protocol", "SASL_SSL")
            .kafkaProperty("sasl.mechanism", "SCRAM-SHA-512")
            .kafkaProperty(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"flags-reader\" password=\""
                    + secret
                    + "\";")
            .kafkaProperty("ssl.truststore.location", "/etc/flagstream/truststore.p12")
            .kafkaProperty("ssl.truststore.password", truststorePassword)
            .build();
    // end::secure-cluster[]
    return flags;
  }

  /** Evaluates through OpenFeature; sets the global API's default provider. */
  static boolean openFeature(FlagClient flags, String userId) {
    // tag::openfeature[]
    OpenFeatureAPI.getInstance().setProviderAndWait(new FlagstreamProvider(flags));
    Client client = OpenFeatureAPI.getInstance().getClient();
    boolean on = client.getBooleanValue("new-checkout", false, new ImmutableContext(userId));
    // end::openfeature[]
    return on;
  }

  static InMemoryFlagClient inYourTests() {
    // tag::in-your-tests[]
    InMemoryFlagClient flags =
        new InMemoryFlagClient().enable("new-checkout").disable("old-search");
    // end::in-your-tests[]
    return flags;
  }
}
