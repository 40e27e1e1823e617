package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The arithmetic of throttling sign-ins and bounding password hashes. */
class LoginLimitsTest {
  private final LoginProperties.Limit account = new LoginProperties.Limit(5, Duration.ofMinutes(1));

  @Test
  void delay_isZeroForTheFreeFailures_thenDoublesFromASecond_upToTheCeiling() {
    assertThat(account.delayAfter(1)).isZero();
    assertThat(account.delayAfter(5)).isZero();
    assertThat(account.delayAfter(6)).isEqualTo(Duration.ofSeconds(1));
    assertThat(account.delayAfter(7)).isEqualTo(Duration.ofSeconds(2));
    assertThat(account.delayAfter(11)).isEqualTo(Duration.ofSeconds(32));
    assertThat(account.delayAfter(12)).isEqualTo(Duration.ofMinutes(1));
    assertThat(account.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void anHoursFailures_stayWithinAsvsHundredPerAccount() {
    int failures = 0;
    Duration elapsed = Duration.ZERO;
    while (elapsed.compareTo(Duration.ofHours(1)) < 0) {
      failures++;
      elapsed = elapsed.plus(account.delayAfter(failures));
    }
    assertThat(failures).isBetween(50, 100);
  }

  @Test
  void permits_runHashesUpToTheirSize_andRefuseBeyondAtOnce_with429AndRetryAfter()
      throws InterruptedException {
    HashPermits permits = new HashPermits(1);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicReference<String> result = new AtomicReference<>();
    Thread holder =
        new Thread(
            () ->
                result.set(
                    permits.run(
                        () -> {
                          running.countDown();
                          await(finish);
                          return "hashed";
                        })));
    holder.start();
    running.await();

    assertThatThrownBy(() -> permits.run(() -> "second"))
        .isInstanceOfSatisfying(
            HashPermits.HashingBusyException.class,
            busy -> {
              assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
              assertThat(busy.getBody().getType().toString()).endsWith("/too-many-requests");
            });
    finish.countDown();
    holder.join();
    assertThat(result.get()).isEqualTo("hashed");
    assertThat(permits.run(() -> "third")).isEqualTo("third");
    assertThat(permits.peak()).isEqualTo(1);
  }

  @Test
  void permits_areSizedByHeapAndProcessors_atLeastOne() {
    assertThat(HashPermits.sizedFor(Runtime.getRuntime()).size())
        .isBetween(1, 2 * Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> new HashPermits(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subjects_nameTheAccountByAHash_andIpv6AddressesByTheirNetwork() {
    SignInSubjects subjects = SignInSubjects.of("ada@example.com", "2001:db8:1:2:3:4:5:6");
    assertThat(subjects.account()).startsWith("account:").doesNotContain("ada");
    assertThat(subjects.emailHash()).hasSize(16);
    assertThat(subjects.account()).contains(subjects.emailHash());
    assertThat(subjects.address()).isEqualTo("address:2001:db8:1:2:0:0:0:0/64");
    assertThat(SignInSubjects.network("2001:db8:1:2:ffff:4:5:6"))
        .isEqualTo(SignInSubjects.network("2001:db8:1:2:3:4:5:6"));
    assertThat(SignInSubjects.network("192.0.2.7")).isEqualTo("192.0.2.7");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
