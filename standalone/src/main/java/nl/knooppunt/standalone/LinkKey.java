package nl.knooppunt.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded hub's key for the personal acknowledgement links (docs/adr/0033): made once, 32
 * random bytes in Base64, in the data directory beside the logbook key, and given to the workers
 * (who sign the links) and the gateway (who checks them) as {@code knooppunt.bevestiging.sleutel}.
 * Links sent before a restart stay valid after it.
 */
public final class LinkKey {

  /** The file in the data directory. */
  public static final String FILE = "bevestiging.key";

  private LinkKey() {}

  /** The key in {@code file}, made first if there is none. */
  static String in(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or make the link key " + file, e);
    }
  }
}
