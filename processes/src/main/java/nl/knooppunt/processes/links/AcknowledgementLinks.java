package nl.knooppunt.processes.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The personal link in every e-mail and SMS ({@code <base>/bevestigen/<token>}): the workers make
 * it, the gateway checks it, both with the same secret key (setting {@value #KEY_SETTING}). The
 * token binds the notification id, the recipient's code, the person's place in the chain and an
 * expiry, signed with HMAC-SHA256; it carries no secret and no personal data beyond the codes.
 * Single use is the gateway's: it records each token it accepted (docs/adr/0033).
 */
public final class AcknowledgementLinks {

  /** The setting with the shared secret key, Base64, at least 32 bytes. */
  public static final String KEY_SETTING = "knooppunt.bevestiging.sleutel";

  /** The setting with the hub's public address the link starts with ({@code https://…}). */
  public static final String BASE_URL_SETTING = "knooppunt.bevestiging.basis-url";

  /** The path of the page the link opens, before the token. */
  public static final String PATH = "/bevestigen/";

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;

  /**
   * @param base64Key the shared secret, Base64 (standard or URL alphabet), at least 32 bytes
   */
  public AcknowledgementLinks(String base64Key) {
    Objects.requireNonNull(base64Key, KEY_SETTING);
    byte[] k;
    try {
      k = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      k = B64D.decode(base64Key.trim());
    }
    if (k.length < 32) {
      throw new IllegalArgumentException(
          KEY_SETTING + " must be at least 32 bytes (Base64), got " + k.length);
    }
    this.key = k;
  }

  /** What a link binds. */
  public record Claims(
      String notificationId, String recipientCode, int chainOrder, Instant expires) {

    public Claims {
      Objects.requireNonNull(notificationId, "notificationId");
      Objects.requireNonNull(recipientCode, "recipientCode");
      Objects.requireNonNull(expires, "expires");
      if (notificationId.contains("\n") || recipientCode.contains("\n")) {
        throw new IllegalArgumentException("no line breaks in a link's ids");
      }
    }
  }

  /** The outcome of checking a token. */
  public enum Verdict {
    /** Signed by the hub and not expired. */
    GELDIG,
    /** Not made by the hub, or changed since (also: unreadable). */
    ONGELDIG,
    /** Made by the hub, but past its expiry. */
    VERLOPEN
  }

  /** A checked token: its verdict and, unless {@link Verdict#ONGELDIG}, what it binds. */
  public record Checked(Verdict verdict, Claims claims) {}

  /** The token for these claims (URL-safe, no padding). */
  public String token(Claims claims) {
    String payload =
        claims.notificationId()
            + "\n"
            + claims.recipientCode()
            + "\n"
            + claims.chainOrder()
            + "\n"
            + claims.expires().getEpochSecond();
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(body) + "." + B64.encodeToString(sign(body));
  }

  /** The whole link: {@code base} without a trailing slash, {@link #PATH}, the token. */
  public String link(String base, Claims claims) {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return b + PATH + token(claims);
  }

  /** Checks a token from a link against the key and the clock. */
  public Checked check(String token, Instant now) {
    if (token == null || token.length() > 1024) {
      return new Checked(Verdict.ONGELDIG, null);
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return new Checked(Verdict.ONGELDIG, null);
    }
    try {
      byte[] body = B64D.decode(token.substring(0, dot));
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(body))) {
        return new Checked(Verdict.ONGELDIG, null);
      }
      String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 4) {
        return new Checked(Verdict.ONGELDIG, null);
      }
      Claims claims =
          new Claims(
              parts[0],
              parts[1],
              Integer.parseInt(parts[2]),
              Instant.ofEpochSecond(Long.parseLong(parts[3])));
      return new Checked(
          now.isBefore(claims.expires()) ? Verdict.GELDIG : Verdict.VERLOPEN, claims);
    } catch (IllegalArgumentException e) {
      return new Checked(Verdict.ONGELDIG, null);
    }
  }

  /** A fingerprint of a token (SHA-256, hex) to record its use without keeping the token itself. */
  public static String fingerprint(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : digest) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
