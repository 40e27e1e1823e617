package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {
  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void of_namesIssuerAndAccount_theBase32Secret_andTheParametersAppsAssume() {
    assertThat(
            OtpAuthUri.of("Flagstream", "alice@example.com", SECRET, Totp.forAuthenticatorApps()))
        .isEqualTo(
            "otpauth://totp/Flagstream:alice@example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Flagstream"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void of_encodesWhatWouldBreakTheUri_spacesAsPercent20() {
    Totp other = new Totp(Totp.Algorithm.SHA256, 8, Duration.ofSeconds(60));

    assertThat(OtpAuthUri.of("Flagstream Staging", "bob+ops@example.com", SECRET, other))
        .isEqualTo(
            "otpauth://totp/Flagstream%20Staging:bob%2Bops@example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Flagstream%20Staging"
                + "&algorithm=SHA256&digits=8&period=60");
    assertThat(OtpAuthUri.of("A:B&C", "x?y", SECRET, other))
        .startsWith("otpauth://totp/A%3AB%26C:x%3Fy?secret=")
        .contains("&issuer=A%3AB%26C&");
  }
}
