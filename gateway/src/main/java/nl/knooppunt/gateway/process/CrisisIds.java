package nl.knooppunt.gateway.process;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * New crisis ids: a prefix per process ({@code DN5}, {@code MH}, {@code BA}), the date in the
 * Netherlands and six characters without look-alikes, e.g. {@code DN5-20261123-K7QM2X}. Readable
 * over the phone.
 */
@Component
class CrisisIds {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

  private final SecureRandom random = new SecureRandom();

  String next(String prefix) {
    StringBuilder s =
        new StringBuilder(prefix).append('-').append(LocalDate.now(NL).format(DAY)).append('-');
    for (int i = 0; i < 6; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
