package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class OfferedCodeTest {

  @SuppressWarnings("unchecked")
  private static List<String> fieldsOf(Throwable e) {
    ProblemDetail problem = ((ErrorResponseException) e).getBody();
    assertThat(problem.getStatus()).isEqualTo(400);
    var properties = problem.getProperties();
    assertThat(properties).isNotNull();
    return ((List<Violation>) properties.get("violations")).stream().map(Violation::field).toList();
  }

  @Test
  void from_anAuthenticatorCode_keepsItsDigits_withoutSurroundingSpace() {
    assertThat(OfferedCode.from(" 012345 ", null))
        .isEqualTo(new OfferedCode(OfferedCode.Kind.AUTHENTICATOR, "012345"));
  }

  @Test
  void from_aRecoveryCode_isNormalized() {
    assertThat(OfferedCode.from(null, "7KQ2-XM9D-0ABC-DEFG"))
        .isEqualTo(new OfferedCode(OfferedCode.Kind.RECOVERY, "7kq2xm9d0abcdefg"));
  }

  @Test
  void from_neitherOrBoth_namesBothFields() {
    assertThatThrownBy(() -> OfferedCode.from(null, null))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("code", "recoveryCode"));
    assertThatThrownBy(() -> OfferedCode.from("123456", "7kq2-xm9d-0abc-defg"))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("code", "recoveryCode"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12 456", "12345a", "١٢٣٤٥٦"})
  void from_aCodeThatIsNotSixDigits_namesTheCode(String code) {
    assertThatThrownBy(() -> OfferedCode.from(code, null))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("code"));
  }

  @Test
  void from_aRecoveryCodeOfTheWrongShape_namesTheRecoveryCode() {
    assertThatThrownBy(() -> OfferedCode.from(null, "123456"))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("recoveryCode"));
  }

  @Test
  void authenticator_requiresACode_andTakesNoRecoveryCode() {
    assertThat(OfferedCode.authenticator("654321"))
        .isEqualTo(new OfferedCode(OfferedCode.Kind.AUTHENTICATOR, "654321"));
    assertThatThrownBy(() -> OfferedCode.authenticator(null))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("code"));
    assertThatThrownBy(() -> OfferedCode.authenticator("7kq2-xm9d-0abc-defg"))
        .satisfies(e -> assertThat(fieldsOf(e)).containsExactly("code"));
  }
}
