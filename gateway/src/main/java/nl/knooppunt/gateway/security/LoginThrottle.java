package nl.knooppunt.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per account and per address: after {@link #FREE_FAILURES} failed
 * sign-ins in a row the next attempt must wait (1 s, 2 s, 4 s, … at most {@link #MAX_DELAY}); after
 * {@link #LOCK_AFTER} the account or address is locked for {@link #LOCK_TIME}. A successful sign-in
 * clears the account and the address. A refused attempt is not checked and does not count.
 */
public final class LoginThrottle {

  public static final int FREE_FAILURES = 5;
  public static final int LOCK_AFTER = 20;
  public static final Duration MAX_DELAY = Duration.ofMinutes(2);
  public static final Duration LOCK_TIME = Duration.ofMinutes(15);

  /** Failures of one account or address, and when the next attempt may come. */
  private record Failures(int count, Instant notBefore) {}

  /** Why an attempt is refused, and until when. */
  public record Refusal(Instant until, boolean locked) {
    public Duration remaining(Instant now) {
      Duration d = Duration.between(now, until);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an attempt for this account from this address must be refused now. */
  public Optional<Refusal> refusal(String account, String address) {
    Instant now = clock.instant();
    Refusal byAccount = refusal(failures.get(accountKey(account)), now);
    Refusal byAddress = refusal(failures.get(addressKey(address)), now);
    if (byAccount == null) {
      return Optional.ofNullable(byAddress);
    }
    if (byAddress == null) {
      return Optional.of(byAccount);
    }
    return Optional.of(byAccount.until().isAfter(byAddress.until()) ? byAccount : byAddress);
  }

  private static Refusal refusal(Failures f, Instant now) {
    if (f == null || !now.isBefore(f.notBefore())) {
      return null;
    }
    return new Refusal(f.notBefore(), f.count() >= LOCK_AFTER);
  }

  /**
   * Records a failed attempt; answers the number of failures in a row of the account (for the audit
   * log).
   */
  public int failed(String account, String address) {
    Instant now = clock.instant();
    Failures a = failures.merge(accountKey(account), next(now), (old, n) -> next(old, now));
    failures.merge(addressKey(address), next(now), (old, n) -> next(old, now));
    return a.count();
  }

  /** A successful sign-in: the account and the address start afresh. */
  public void succeeded(String account, String address) {
    failures.remove(accountKey(account));
    failures.remove(addressKey(address));
  }

  private static Failures next(Instant now) {
    return next(new Failures(0, now), now);
  }

  private static Failures next(Failures old, Instant now) {
    int count = old.count() + 1;
    return new Failures(count, now.plus(delayAfter(count)));
  }

  /** The wait before the next attempt after {@code count} failures in a row. */
  static Duration delayAfter(int count) {
    if (count >= LOCK_AFTER) {
      return LOCK_TIME;
    }
    if (count < FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration d = Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 20));
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private static String accountKey(String account) {
    return "account:" + (account == null ? "" : account.trim().toLowerCase(java.util.Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }
}
