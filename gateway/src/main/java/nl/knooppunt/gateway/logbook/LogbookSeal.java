package nl.knooppunt.gateway.logbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the logbook's chain: every entry's hash and every anchor is an HMAC-SHA-256 with a key
 * that is never in the database, so the database's owner cannot rewrite an entry and compute a
 * matching chain. The key comes from {@code knooppunt.logbook.key} (production: a secret), else
 * from {@code knooppunt.logbook.key-file}, which the embedded hub keeps in its data directory and
 * creates with a random key at the first start.
 */
public final class LogbookSeal {

  public static final String ALGORITHM = "HmacSHA256";

  /** The shortest key accepted, in bytes. */
  static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  LogbookSeal(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "knooppunt.logbook.key: at least " + MIN_KEY_BYTES + " bytes (" + key.length + " given)");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** The seal of the given settings (the key, or the key file, created when missing). */
  static LogbookSeal of(LogbookSettings settings) {
    if (settings.getKey() != null && !settings.getKey().isBlank()) {
      return new LogbookSeal(settings.getKey().strip().getBytes(StandardCharsets.UTF_8));
    }
    Path file = settings.getKeyFile();
    if (file == null) {
      throw new IllegalStateException(
          "The logbook needs a key: set knooppunt.logbook.key (a secret of at least "
              + MIN_KEY_BYTES
              + " characters) or knooppunt.logbook.key-file");
    }
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(random));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // a file system without POSIX permissions: the directory's protection applies
        }
      }
      return new LogbookSeal(Base64.getDecoder().decode(Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the logbook key " + file, e);
    }
  }

  /** The HMAC of the text, in hex. */
  public String mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
