package dev.flagstream.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.audit.AuditAction.Outcome;
import dev.flagstream.admin.audit.AuditAction.TargetType;
import org.junit.jupiter.api.Test;

class AuditActionTest {

  @Test
  void targetTypes_followTheNamePrefix_unlessTheActionSaysOtherwise() {
    assertThat(AuditAction.FLAG_ROLLOUT_CHANGED.targetType()).isEqualTo(TargetType.FLAG);
    assertThat(AuditAction.TOKEN_REVOKED.targetType()).isEqualTo(TargetType.TOKEN);
    assertThat(AuditAction.LOGIN_THROTTLED.targetType()).isEqualTo(TargetType.LOGIN);
    assertThat(AuditAction.LOGOUT.targetType()).isEqualTo(TargetType.LOGIN);
    assertThat(AuditAction.SESSION_REVOKED.targetType()).isEqualTo(TargetType.USER);
    assertThat(AuditAction.OTHER_SESSIONS_REVOKED.targetType()).isEqualTo(TargetType.USER);
    assertThat(AuditAction.PASSWORD_CHANGED.targetType()).isEqualTo(TargetType.USER);
    assertThat(AuditAction.PASSWORD_CHANGE_FAILED.targetType()).isEqualTo(TargetType.USER);
    assertThat(AuditAction.LOGIN_TWO_FACTOR_SUCCEEDED.targetType()).isEqualTo(TargetType.LOGIN);
    assertThat(AuditAction.TWO_FACTOR_ENABLED.targetType()).isEqualTo(TargetType.USER);
    assertThat(AuditAction.TWO_FACTOR_RESET.targetType()).isEqualTo(TargetType.USER);
  }

  @Test
  void outcomes_sayWhetherTheAttemptWasCarriedOut() {
    assertThat(AuditAction.LOGIN_SUCCEEDED.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(AuditAction.FLAG_CREATED.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(AuditAction.LOGOUT.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(AuditAction.LOGIN_FAILED.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(AuditAction.PASSWORD_CHANGE_FAILED.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(AuditAction.LOGIN_THROTTLED.outcome()).isEqualTo(Outcome.THROTTLED);
    assertThat(AuditAction.LOGIN_PASSWORD_ACCEPTED.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(AuditAction.LOGIN_RECOVERY_CODE_USED.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(AuditAction.LOGIN_TWO_FACTOR_FAILED.outcome()).isEqualTo(Outcome.FAILED);
  }
}
