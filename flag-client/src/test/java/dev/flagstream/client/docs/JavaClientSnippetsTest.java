package dev.flagstream.client.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code shown in docs/java-client.md does what the doc says, on a client that needs no broker.
 */
class JavaClientSnippetsTest {
  private static final Logger log = LoggerFactory.getLogger(JavaClientSnippetsTest.class);

  @AfterEach
  void restoreTheDefaultProvider() {
    OpenFeatureAPI.getInstance().setProviderAndWait(new NoOpProvider());
  }

  @Test
  void quickStart_aFlagChangesLater_itsChangeListenerLogsTheFlagsName() {
    InMemoryFlagClient flags = new InMemoryFlagClient().disable("new-checkout");
    List<List<Object>> logged = new CopyOnWriteArrayList<>();

    JavaClientSnippets.use(flags, "user-1", recording(logged));
    flags.enable("new-checkout");

    assertThat(logged).containsExactly(List.of("info", "{} changed", "new-checkout"));
  }

  @Test
  void readYourWrites_clientAlreadyHoldsTheChange_servesTheNewValue() throws Exception {
    InMemoryFlagClient flags = new InMemoryFlagClient().set(checkout(3, true));

    assertThat(JavaClientSnippets.readYourWrites(flags, adminAnswer("checkout@3"), "u-1", log))
        .isTrue();
  }

  @Test
  void readYourWrites_changeArrivesWhileWaiting_servesTheNewValue() {
    InMemoryFlagClient flags = new InMemoryFlagClient().set(checkout(2, false));

    CompletableFuture<Boolean> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return JavaClientSnippets.readYourWrites(
                    flags, adminAnswer("checkout@3"), "u-1", log);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    flags.set(checkout(3, true));

    assertThat(read).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
  }

  @Test
  void readYourWrites_changeNeverArrives_warnsAndServesWhatIsHeld() throws Exception {
    InMemoryFlagClient flags = new InMemoryFlagClient().set(checkout(2, false));
    List<List<Object>> logged = new CopyOnWriteArrayList<>();

    boolean enabled =
        JavaClientSnippets.readYourWrites(
            flags, adminAnswer("checkout@3"), "u-1", recording(logged));

    assertThat(enabled).isFalse();
    assertThat(logged)
        .containsExactly(
            List.of("warn", "Flag change {} not applied yet; serving what is held", "checkout@3"));
  }

  @Test
  void openFeature_providerOverTheClient_evaluatesItsFlags() {
    InMemoryFlagClient flags = new InMemoryFlagClient().enable("new-checkout");

    assertThat(JavaClientSnippets.openFeature(flags, "user-1")).isTrue();
  }

  @Test
  void inYourTests_fakeClient_holdsExactlyWhatItWasGiven() {
    InMemoryFlagClient flags = JavaClientSnippets.inYourTests();

    assertThat(flags.isEnabled("new-checkout", "u-1")).isTrue();
    assertThat(flags.isEnabled("old-search", "u-1", true)).isFalse();
    assertThat(flags.flags()).extracting(Flag::name).containsExactly("new-checkout", "old-search");
  }

  /** A logger that records each call as its method's name followed by its arguments. */
  private static Logger recording(List<List<Object>> calls) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              Class<?> returned = method.getReturnType();
              if (returned == boolean.class) {
                return true; // every level is on
              }
              if (returned == String.class) {
                return "recording";
              }
              if (returned == void.class) {
                List<Object> call = new ArrayList<>();
                call.add(method.getName());
                call.addAll(args == null ? List.of() : Arrays.asList(args));
                calls.add(call);
              }
              return null;
            });
  }

  private static Flag checkout(long version, boolean enabled) {
    return Flag.builder("checkout").enabled(enabled).version(version).build();
  }

  private static HttpResponse<Void> adminAnswer(String revisionToken) {
    return new AdminAnswer(
        HttpHeaders.of(
            Map.of("Flagstream-Revision", List.of(revisionToken)), (name, value) -> true));
  }

  /** The admin service's answer to a flag write, as far as the snippet reads it. */
  private record AdminAnswer(HttpHeaders headers) implements HttpResponse<Void> {
    private static final URI WRITE = URI.create("http://admin:3001/api/admin/flags");

    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(WRITE).build();
    }

    @Override
    public Optional<HttpResponse<Void>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Void body() {
      return null;
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return WRITE;
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
