package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUsesTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final List<String> touched = new ArrayList<>();
  private final TokenUses uses = new TokenUses(touched::add, clock);

  @Test
  void aTokenIsWrittenDownOnItsFirstUse_thenOnceAMinute() {
    uses.used("fs_alpha");
    uses.used("fs_alpha");
    clock.advance(TokenUses.EVERY.minusSeconds(1));
    uses.used("fs_alpha");
    assertThat(touched).containsExactly("fs_alpha");

    clock.advance(Duration.ofSeconds(1));
    uses.used("fs_alpha");
    uses.used("fs_alpha");
    assertThat(touched).containsExactly("fs_alpha", "fs_alpha");
  }

  @Test
  void eachTokenCountsApart() {
    uses.used("fs_alpha");
    uses.used("fs_beta");
    uses.used("fs_alpha");
    assertThat(touched).containsExactly("fs_alpha", "fs_beta");
  }

  @Test
  void aFailedWrite_isTriedAgainOnTheNextUse() {
    TokenUses failing =
        new TokenUses(
            secret -> {
              touched.add(secret);
              if (touched.size() == 1) {
                throw new IllegalStateException("database away");
              }
            },
            clock);
    try {
      failing.used("fs_alpha");
    } catch (IllegalStateException expected) {
      // the request fails as it did before; nothing is noted
    }
    failing.used("fs_alpha");
    failing.used("fs_alpha");
    assertThat(touched).containsExactly("fs_alpha", "fs_alpha");
  }

  @Test
  void pastManyTokens_thoseNotedLongerThanAMinuteAgoAreForgotten() {
    for (int i = 0; i < TokenUses.FORGET_ABOVE; i++) {
      uses.used("fs_old_" + i);
    }
    assertThat(uses.held()).isEqualTo(TokenUses.FORGET_ABOVE);
    clock.advance(TokenUses.EVERY);
    uses.used("fs_new");
    assertThat(uses.held()).isOne();
    uses.used("fs_new");
    assertThat(touched).hasSize(TokenUses.FORGET_ABOVE + 1);
  }

  @Test
  void tokensNotedWithinTheMinute_areKeptWhenOthersAreForgotten() {
    for (int i = 0; i < TokenUses.FORGET_ABOVE; i++) {
      uses.used("fs_old_" + i);
    }
    clock.advance(TokenUses.EVERY.minusSeconds(1));
    uses.used("fs_recent");
    assertThat(uses.held()).isEqualTo(TokenUses.FORGET_ABOVE + 1);
  }
}
