package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.SecondFactor;
import dev.flagstream.admin.twofactor.TwoFactorEnrolment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up two-factor sign-in: a new secret as a QR code (and as text), the app's first code to
 * turn it on, then the recovery codes, shown once. Also the page a person lands on whose role must
 * use two-factor sign-in and who has not set it up: their session can do nothing else.
 */
@Controller
final class TwoFactorPage {
  private final TwoFactorEnrolment enrolment;

  TwoFactorPage(TwoFactorEnrolment enrolment) {
    this.enrolment = enrolment;
  }

  @GetMapping("/settings/two-factor")
  String status(
      @AuthenticationPrincipal Caller caller, Authentication authentication, Model model) {
    model.addAttribute("status", enrolment.status(caller));
    model.addAttribute("enrolling", enrolling(authentication));
    return "console/two-factor";
  }

  @PostMapping("/settings/two-factor/setup")
  String setup(
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletResponse response,
      Model model) {
    try {
      TwoFactorEnrolment.Setup setup = enrolment.setup(caller);
      model.addAttribute("secret", setup.secret());
      model.addAttribute(
          "qrCode",
          "data:image/svg+xml;base64,"
              + Base64.getEncoder()
                  .encodeToString(setup.qrCodeSvg().getBytes(StandardCharsets.UTF_8)));
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      model.addAttribute("error", failure.message());
    }
    return status(caller, authentication, model);
  }

  @PostMapping("/settings/two-factor/verify")
  String verify(
      @RequestParam(required = false) @Nullable String code,
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      List<String> codes =
          enrolment.enable(caller, code, enrolling(authentication), request, response);
      model.addAttribute("recoveryCodes", codes);
      model.addAttribute("status", enrolment.status(caller));
      model.addAttribute("enrolling", false);
      return "console/two-factor";
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      String reason = failure.field("code");
      model.addAttribute("error", reason == null ? failure.message() : "The code " + reason + ".");
      return status(caller, authentication, model);
    }
  }

  private static boolean enrolling(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> SecondFactor.ENROLMENT_AUTHORITY.equals(a.getAuthority()));
  }
}
