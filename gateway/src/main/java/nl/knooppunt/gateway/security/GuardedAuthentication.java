package nl.knooppunt.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in of the local accounts (form login and HTTP Basic) with two guards around the
 * password check: the {@link LoginThrottle} first (failures logged in the audit log; a throttled
 * account or address is refused even with a password verified before) and a short-lived cache of
 * verified credentials, so that an API client sending Basic on every request does not pay a BCrypt
 * hash each time. The cache is keyed by a SHA-256 of name and password; the password itself is
 * never kept; a failed check is never cached.
 */
public final class GuardedAuthentication implements AuthenticationProvider {

  private static final Logger AUDIT = LoggerFactory.getLogger("knooppunt.audit");

  /** How long a verified credential is trusted without a new hash. */
  public static final Duration CACHE_TIME = Duration.ofMinutes(5);

  private static final int CACHE_LIMIT = 10_000;

  /** A throttled attempt: refused before the password is checked. */
  public static final class ThrottledException extends LockedException {
    private final transient LoginThrottle.Refusal refusal;

    ThrottledException(String message, LoginThrottle.Refusal refusal) {
      super(message);
      this.refusal = refusal;
    }

    public LoginThrottle.Refusal refusal() {
      return refusal;
    }
  }

  private record Verified(Authentication result, Instant until) {}

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public GuardedAuthentication(
      AuthenticationProvider passwords, LoginThrottle throttle, Clock clock) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String account = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    String key = key(account, password);
    Instant now = clock.instant();
    String address = address(authentication);
    var refusal = throttle.refusal(account, address);
    if (refusal.isPresent()) {
      AUDIT.warn(
          "login refused account={} address={} until={} locked={}",
          account,
          address,
          refusal.get().until(),
          refusal.get().locked());
      throw new ThrottledException(
          "Te veel mislukte pogingen; probeer het later opnieuw.", refusal.get());
    }
    Authentication result;
    try {
      result = passwords.authenticate(authentication);
    } catch (BadCredentialsException e) {
      int failures = throttle.failed(account, address);
      AUDIT.warn("login failed account={} address={} failures={}", account, address, failures);
      throw e;
    }
    if (result == null) {
      return null;
    }
    throttle.succeeded(account, address);
    if (verified.size() >= CACHE_LIMIT) {
      verified.values().removeIf(v -> !now.isBefore(v.until()));
      if (verified.size() >= CACHE_LIMIT) {
        verified.clear();
      }
    }
    verified.put(key, new Verified(result, now.plus(CACHE_TIME)));
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails d
        ? d.getRemoteAddress()
        : "";
  }

  private static String key(String account, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.valueOf(account).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
