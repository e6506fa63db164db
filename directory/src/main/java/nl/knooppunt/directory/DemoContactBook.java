package nl.knooppunt.directory;

import java.util.List;
import java.util.Locale;

/**
 * Fictional contacts for the embedded default, exercises and tests: the hub's own inbox first, an
 * address in the reserved {@code .example} domain as fallback, and a contact chain of three with
 * numbers in the 070 000 range. Every contact is marked {@code demo}; none reaches a real person.
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
   * The holder, the stand-in and the desk's officer on duty, each with a fictional number that is
   * the same every time (so a page says "demonummer").
   */
  @Override
  public List<ChainContact> chain(
      String authorityCode, String authorityName, AuthorityRole role, DutyDesk desk) {
    return List.of(
        new ChainContact(
            1,
            ChainContact.Position.HOUDER,
            authorityName,
            role.title(),
            List.of(phone(authorityCode + "/" + ChainContact.Position.HOUDER))),
        new ChainContact(
            2,
            ChainContact.Position.PLAATSVERVANGER,
            capitalised(role.deputyTitle()) + " (" + authorityName + ")",
            role.deputyTitle(),
            List.of(phone(authorityCode + "/" + ChainContact.Position.PLAATSVERVANGER))),
        new ChainContact(
            3,
            ChainContact.Position.OFFICIER_VAN_DIENST,
            capitalised(desk.officer()) + ", " + desk.name(),
            desk.officer(),
            List.of(phone(desk.code() + "/" + ChainContact.Position.OFFICIER_VAN_DIENST))));
  }

  /** A fictional number in the 070 000 range, the same for the same key every time. */
  private static Contact phone(String key) {
    int n = Math.floorMod(key.hashCode(), 10_000);
    return new Contact(Contact.Channel.TELEFOON, String.format("070 000 %04d", n), true);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
