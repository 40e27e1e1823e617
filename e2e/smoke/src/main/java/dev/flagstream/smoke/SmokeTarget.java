package dev.flagstream.smoke;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The deployment a smoke run checks, and what it checks it with.
 *
 * @param adminUrl the admin service, e.g. {@code https://flags.example.com}, without a trailing
 *     slash
 * @param evaluatorUrl the evaluator, without a trailing slash
 * @param token an admin API token ({@code SMOKE_TOKEN}): at least an editor's, since the canary
 *     round trip switches {@value SmokeSuite#CANARY}
 * @param sdkKey a server SDK key of the evaluator ({@code SMOKE_SDK_KEY})
 * @param email the sign-in of a console user for the signed-in pages ({@code SMOKE_EMAIL}); those
 *     pages fail, saying so, when it is null
 * @param password that user's password ({@code SMOKE_PASSWORD})
 * @param chromium the Chromium (or Chrome) executable the pages are loaded in
 */
public record SmokeTarget(
    String adminUrl,
    String evaluatorUrl,
    String token,
    String sdkKey,
    @Nullable String email,
    @Nullable String password,
    Path chromium) {
  public SmokeTarget {
    adminUrl = withoutTrailingSlash(adminUrl);
    evaluatorUrl = withoutTrailingSlash(evaluatorUrl);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
