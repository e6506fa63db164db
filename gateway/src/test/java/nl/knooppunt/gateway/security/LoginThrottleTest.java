package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Someone guessing the operator's password is slowed down, then locked out for a while. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-12-03T03:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fourWrongPasswordsCostNothingTheFifthMakesTheNextAttemptWait() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("operator", "10.0.0.7");
      assertThat(throttle.refusal("operator", "10.0.0.7")).isEmpty();
    }
    throttle.failed("operator", "10.0.0.7");
    assertThat(throttle.refusal("operator", "10.0.0.7")).isPresent();
    now = now.plusSeconds(1);
    assertThat(throttle.refusal("operator", "10.0.0.7")).isEmpty();
  }

  @Test
  void theWaitDoublesWithEveryFailureUpToTwoMinutes() {
    assertThat(LoginThrottle.delayAfter(4)).isEqualTo(Duration.ZERO);
    assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(LoginThrottle.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
    assertThat(LoginThrottle.delayAfter(19)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void twentyFailuresLockTheAccountForAQuarterOfAnHourFromAnyAddress() {
    for (int i = 0; i < 20; i++) {
      now = now.plus(Duration.ofMinutes(3));
      throttle.failed("operator", "10.0.0." + i);
    }
    var refusal = throttle.refusal("operator", "192.168.1.1");
    assertThat(refusal).isPresent();
    assertThat(refusal.get().locked()).isTrue();
    assertThat(refusal.get().remaining(now)).isEqualTo(Duration.ofMinutes(15));
    now = now.plus(Duration.ofMinutes(15));
    assertThat(throttle.refusal("operator", "192.168.1.1")).isEmpty();
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDownForEveryAccount() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("gebruiker" + i, "203.0.113.9");
    }
    assertThat(throttle.refusal("nctv", "203.0.113.9")).isPresent();
    assertThat(throttle.refusal("nctv", "10.0.0.7")).isEmpty();
  }

  @Test
  void aSuccessfulSignInStartsTheAccountAfresh() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("operator", "10.0.0.7");
    }
    throttle.succeeded("operator", "10.0.0.7");
    assertThat(throttle.refusal("operator", "10.0.0.7")).isEmpty();
  }

  @Test
  void accountNamesAreCountedRegardlessOfCase() {
    for (int i = 0; i < 5; i++) {
      throttle.failed(i % 2 == 0 ? "Operator" : "OPERATOR ", "10.0.0." + i);
    }
    assertThat(throttle.refusal("operator", "10.0.0.99")).isPresent();
  }
}
