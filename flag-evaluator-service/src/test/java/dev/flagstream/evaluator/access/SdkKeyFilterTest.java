package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.evaluator.fixtures.Keys;
import dev.flagstream.evaluator.system.ProblemWriters;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who is calling, found before anything else reads the request; no server needed. */
class SdkKeyFilterTest {
  private final SdkKeyFilter filter =
      new SdkKeyFilter(
          new SdkKeys(List.of(Keys.SERVER), List.of(Keys.CLIENT), List.of(Keys.METRICS)),
          ProblemWriters.plain());

  /** What the filter let through, or null when it answered itself. */
  private record Outcome(MockHttpServletResponse response, @Nullable HttpServletRequest passed) {
    @Nullable Caller caller() {
      return passed == null ? null : (Caller) passed.getAttribute(Caller.ATTRIBUTE);
    }
  }

  private Outcome filter(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return new Outcome(response, (HttpServletRequest) chain.getRequest());
  }

  private static MockHttpServletRequest get(String path, @Nullable String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setQueryString(query);
    return request;
  }

  private static MockHttpServletRequest withAuthorization(String value) {
    MockHttpServletRequest request = get("/api/flags/snapshot", null);
    request.addHeader("Authorization", value);
    return request;
  }

  private static void assertRefused(Outcome outcome, String detail) throws Exception {
    assertThat(outcome.passed()).isNull();
    assertThat(outcome.response().getStatus()).isEqualTo(401);
    assertThat(outcome.response().getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"flagstream\"");
    assertThat(outcome.response().getContentType()).isEqualTo("application/problem+json");
    assertThat(outcome.response().getContentAsString(StandardCharsets.UTF_8)).contains(detail);
  }

  @Test
  void aBearerKeyOfOurs_namesTheCaller_andServerKeysBecomeThePrincipal() throws Exception {
    Outcome server = filter(withAuthorization("Bearer " + Keys.SERVER));
    assertThat(server.caller()).isEqualTo(new Caller(KeyKind.SERVER, "server-1", false));
    assertThat(server.passed().getUserPrincipal().getName()).isEqualTo("sdk-key:server-1");
    Outcome metrics = filter(withAuthorization("bearer   " + Keys.METRICS + " "));
    assertThat(metrics.caller().kind()).isEqualTo(KeyKind.METRICS);
    assertThat(metrics.passed().getUserPrincipal().getName()).isEqualTo("sdk-key:metrics-1");
    Outcome client = filter(withAuthorization("Bearer " + Keys.CLIENT));
    assertThat(client.caller().kind()).isEqualTo(KeyKind.CLIENT);
    assertThat(client.passed().getUserPrincipal()).as("browsers get no health details").isNull();
  }

  @Test
  void anAuthorizationThatIsNoBearerKeyOfOurs_isRefused_evenForAProbe() throws Exception {
    assertRefused(filter(withAuthorization("Bearer not-a-key-of-ours")), "the key is not valid");
    assertRefused(filter(withAuthorization("Basic " + Keys.SERVER)), "the key is not valid");
    assertRefused(filter(withAuthorization(Keys.SERVER)), "the key is not valid");
    assertRefused(filter(withAuthorization("Digest " + Keys.SERVER)), "the key is not valid");
    MockHttpServletRequest probe = get("/health/live", null);
    probe.addHeader("Authorization", "Bearer not-a-key-of-ours");
    assertRefused(filter(probe), "the key is not valid");
  }

  @Test
  void aKeyInTheQuery_passesForClientKeysOnly() throws Exception {
    Outcome client = filter(get("/api/flags/stream", "userId=u&key=" + Keys.CLIENT));
    assertThat(client.caller()).isEqualTo(new Caller(KeyKind.CLIENT, "client-1", true));
    assertRefused(
        filter(get("/api/flags/stream", "key=" + Keys.SERVER)), "send this key as a header");
    assertRefused(
        filter(get("/api/flags/stream", "key=" + Keys.METRICS)), "send this key as a header");
    assertRefused(filter(get("/api/flags/stream", "key=not-a-key")), "the key is not valid");
    assertRefused(filter(get("/api/flags/stream", "key=%zz")), "the key is not valid");
  }

  @Test
  void theHeader_winsOverTheQuery() throws Exception {
    MockHttpServletRequest request = get("/api/flags/stream", "key=" + Keys.CLIENT);
    request.addHeader("Authorization", "Bearer " + Keys.SERVER);
    assertThat(filter(request).caller().kind()).isEqualTo(KeyKind.SERVER);
  }

  @Test
  void withoutAKey_onlyTheProbesPass() throws Exception {
    Outcome probe = filter(get("/health/live", null));
    assertThat(probe.passed()).isNotNull();
    assertThat(probe.caller()).isNull();
    assertRefused(filter(get("/api/flags/snapshot", null)), "send an SDK key");
    assertRefused(filter(get("/api/nothing-here", "userId=u")), "send an SDK key");
  }

  @Test
  void aCorsPreflight_passesWithoutAKey() throws Exception {
    MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/api/evaluations");
    preflight.addHeader("Origin", "https://app.example");
    preflight.addHeader("Access-Control-Request-Method", "POST");
    Outcome outcome = filter(preflight);
    assertThat(outcome.passed()).isNotNull();
    assertThat(outcome.caller()).isNull();
  }

  @Test
  void queryParameter_isTheFirstValue_decoded() {
    assertThat(SdkKeyFilter.queryParameter("a=1&key=x%2By&key=z", "key")).isEqualTo("x+y");
    assertThat(SdkKeyFilter.queryParameter("key", "key")).isEmpty();
    assertThat(SdkKeyFilter.queryParameter("keys=1&akey=2", "key")).isNull();
    assertThat(SdkKeyFilter.queryParameter("key=%zz", "key")).isEmpty();
    assertThat(SdkKeyFilter.queryParameter(null, "key")).isNull();
  }
}
