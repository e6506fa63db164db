package nl.knooppunt.directory;

import java.util.Locale;

/**
 * Fictional contacts for the embedded default, exercises and tests: the hub's own inbox first, an
 * address in the reserved {@code .example} domain as fallback. Every contact is marked {@code
 * demo}; none reaches a real person.
 */
public final class DemoContactBook implements ContactBook {

  @Override
  public Contact primary(String authorityCode, AuthorityRole role) {
    return new Contact(Contact.Channel.KNOOPPUNT, authorityCode, true);
  }

  @Override
  public Contact fallback(String authorityCode, AuthorityRole role) {
    return new Contact(
        Contact.Channel.EMAIL,
        "piket." + authorityCode.toLowerCase(Locale.ROOT) + "@demo.knooppunt.example",
        true);
  }

  /**
   * A fictional number in the 070 000 range, the same for the same authority every time; marked
   * demo, so a page says "demonummer".
   */
  @Override
  public Contact phone(String authorityCode, AuthorityRole role) {
    int n = Math.floorMod(authorityCode.hashCode(), 10_000);
    return new Contact(Contact.Channel.TELEFOON, String.format("070 000 %04d", n), true);
  }
}
