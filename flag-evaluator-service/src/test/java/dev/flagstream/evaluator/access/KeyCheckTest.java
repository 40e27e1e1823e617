package dev.flagstream.evaluator.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;

/** Who may call a handler, decided on the handler the router picked; no server needed. */
class KeyCheckTest {
  private static final Caller SERVER = new Caller(KeyKind.SERVER, "server-1", false);
  private static final Caller CLIENT = new Caller(KeyKind.CLIENT, "client-1", false);
  private static final Caller METRICS = new Caller(KeyKind.METRICS, "metrics-1", false);
  private static final Caller CLIENT_IN_QUERY = new Caller(KeyKind.CLIENT, "client-1", true);
  private static final Caller SERVER_IN_QUERY = new Caller(KeyKind.SERVER, "server-1", true);
  private static final int PASSED = 0;

  private final KeyCheck check = new KeyCheck();

  /** Handlers as controllers declare them. */
  static final class Handlers {
    @KeyRequired(KeyKind.SERVER)
    void definitions() {}

    @KeyRequired({KeyKind.SERVER, KeyKind.CLIENT})
    void evaluation() {}

    @KeyRequired(
        value = {KeyKind.SERVER, KeyKind.CLIENT},
        inQuery = true)
    void stream() {}

    void management() {}
  }

  private static HandlerMethod handler(String name) {
    try {
      Method method = Handlers.class.getDeclaredMethod(name);
      return new HandlerMethod(new Handlers(), method);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private static MockHttpServletRequest request(
      String method, String path, @Nullable Caller caller) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    if (caller != null) {
      request.setAttribute(Caller.ATTRIBUTE, caller);
    }
    return request;
  }

  /** The status the check refuses with, or {@link #PASSED}. */
  private int status(MockHttpServletRequest request, Object handler) {
    try {
      assertThat(check.preHandle(request, new MockHttpServletResponse(), handler)).isTrue();
      return PASSED;
    } catch (ErrorResponseException refusal) {
      return refusal.getStatusCode().value();
    }
  }

  private int statusFor(@Nullable Caller caller, String handler) {
    return status(request("GET", "/api/x", caller), handler(handler));
  }

  @Test
  void aMethodsKeyRequired_decidesWhichKeysMayCallIt() {
    assertThat(statusFor(SERVER, "definitions")).isEqualTo(PASSED);
    assertThat(statusFor(CLIENT, "definitions")).isEqualTo(403);
    assertThat(statusFor(METRICS, "definitions")).isEqualTo(403);
    assertThat(statusFor(null, "definitions")).isEqualTo(401);
    assertThat(statusFor(CLIENT, "evaluation")).isEqualTo(PASSED);
    assertThat(statusFor(SERVER, "evaluation")).isEqualTo(PASSED);
    assertThat(statusFor(METRICS, "evaluation")).isEqualTo(403);
  }

  @Test
  void aHandlerWithoutKeyRequired_takesServerAndMetricsKeysOnly() {
    assertThat(statusFor(SERVER, "management")).isEqualTo(PASSED);
    assertThat(statusFor(METRICS, "management")).isEqualTo(PASSED);
    assertThat(statusFor(CLIENT, "management")).isEqualTo(403);
    assertThat(statusFor(null, "management")).isEqualTo(401);
    Object frameworkHandler = new Object();
    assertThat(status(request("GET", "/info", CLIENT), frameworkHandler)).isEqualTo(403);
    assertThat(status(request("GET", "/info", METRICS), frameworkHandler)).isEqualTo(PASSED);
  }

  @Test
  void theProbes_areOpenToAll_unlessTheHandlerNamesItsKeys() {
    HandlerMethod probe = handler("management");
    assertThat(status(request("GET", "/health/live", null), probe)).isEqualTo(PASSED);
    assertThat(status(request("HEAD", "/health/ready", null), probe)).isEqualTo(PASSED);
    assertThat(status(request("GET", "/health/live", CLIENT), probe)).isEqualTo(PASSED);
    assertThat(status(request("POST", "/health/live", null), probe)).isEqualTo(401);
    assertThat(status(request("GET", "/health", null), probe)).isEqualTo(401);
    assertThat(status(request("GET", "/health/live", null), handler("evaluation"))).isEqualTo(401);
  }

  @Test
  void aKeyInTheQuery_passesOnlyWhereTheMethodTakesOne() {
    assertThat(statusFor(CLIENT_IN_QUERY, "stream")).isEqualTo(PASSED);
    assertThat(statusFor(CLIENT_IN_QUERY, "evaluation")).isEqualTo(401);
    assertThat(statusFor(SERVER_IN_QUERY, "management")).isEqualTo(401);
  }

  @Test
  void aRefusalForWantOfAKey_carriesTheBearerChallenge() {
    MockHttpServletRequest request = request("GET", "/api/x", null);
    try {
      check.preHandle(request, new MockHttpServletResponse(), handler("evaluation"));
      throw new AssertionError("not refused");
    } catch (ErrorResponseException refusal) {
      assertThat(refusal.getHeaders().getFirst("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"flagstream\"");
      assertThat(refusal.getBody().getDetail()).contains("Authorization: Bearer");
    }
  }

  @Test
  void errorAndAsyncDispatches_andCorsPreflights_areNotCheckedAgain() {
    MockHttpServletRequest error = request("GET", "/api/x", null);
    error.setDispatcherType(DispatcherType.ERROR);
    assertThat(status(error, handler("definitions"))).isEqualTo(PASSED);
    MockHttpServletRequest async = request("GET", "/api/x", CLIENT);
    async.setDispatcherType(DispatcherType.ASYNC);
    assertThat(status(async, handler("definitions"))).isEqualTo(PASSED);
    MockHttpServletRequest preflight = request("OPTIONS", "/api/x", null);
    preflight.addHeader("Origin", "https://app.example");
    preflight.addHeader("Access-Control-Request-Method", "GET");
    assertThat(status(preflight, handler("definitions"))).isEqualTo(PASSED);
  }
}
