package dev.flagstream.admin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SessionPolicyTest {

  private static SessionPolicy bound(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("flags.session", SessionPolicy.class);
  }

  @Test
  void defaults_areSecureCookies_andTwelveHoursAfterSignIn() {
    SessionPolicy defaults = bound(Map.of());
    assertThat(defaults.secureCookies()).isTrue();
    assertThat(defaults.absoluteTimeout()).isEqualTo(Duration.ofHours(12));
    assertThat(defaults.cookieName()).isEqualTo("__Host-FLAGSTREAM_SESSION");
  }

  @Test
  void plainHttp_dropsTheHostPrefix_andTheLimitIsConfigurable() {
    SessionPolicy plain =
        bound(
            Map.of(
                "flags.session.secure-cookies", "false", "flags.session.absolute-timeout", "8h"));
    assertThat(plain.cookieName()).isEqualTo("FLAGSTREAM_SESSION");
    assertThat(plain.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void anAbsoluteTimeoutOfZeroOrLess_stopsTheStart() {
    for (String limit : new String[] {"0s", "-1m"}) {
      assertThatThrownBy(() -> bound(Map.of("flags.session.absolute-timeout", limit)))
          .isInstanceOf(BindException.class)
          .rootCause()
          .hasMessageContaining("flags.session.absolute-timeout must be positive");
    }
  }
}
