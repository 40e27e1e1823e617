package dev.flagstream.admin.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/} URI an authenticator app reads from a QR code: the label {@code
 * Issuer:account}, the secret in Base32 and the parameters of {@link Totp}. Apps that ignore the
 * parameters assume exactly the ones {@link Totp#forAuthenticatorApps()} uses.
 */
final class OtpAuthUri {
  private OtpAuthUri() {}

  static String of(String issuer, String account, byte[] secret, Totp totp) {
    return "otpauth://totp/"
        + encode(issuer)
        + ":"
        + encode(account)
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm="
        + totp.algorithm().name()
        + "&digits="
        + totp.digits()
        + "&period="
        + totp.periodSeconds();
  }

  // Percent-encoding for a path segment or a query value: a space is %20, never the form's +, and
  // the @ of an email stays as apps show it.
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
  }
}
