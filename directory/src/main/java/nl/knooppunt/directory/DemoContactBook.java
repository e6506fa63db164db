package nl.knooppunt.directory;

import java.util.List;
import java.util.Locale;

/**
 * Fictional contacts for the embedded default, exercises and tests: the hub's own inbox first, an
 * address in the reserved {@code .example} domain as fallback, and a contact chain of three, each
 * person with an e-mail address in the reserved {@code .example} domain, a fictional mobile number
 * in E.164 ({@code +31970…}) and a number to call in the 070 000 range. Every contact is marked
 * {@code demo}; none reaches a real person. One holder's mail bounces on purpose (the burgemeester
 * of De Bilt, {@value #BOUNCING_AUTHORITY}): its address is in {@value #BOUNCING_DOMAIN}, which the
 * hub's embedded mail server refuses, so a demo shows the fall-through from e-mail to SMS.
 */
public final class DemoContactBook implements ContactBook {

  /** The domain of every demo e-mail address. */
  public static final String DOMAIN = "demo.knooppunt.example";

  /** The domain the embedded mail server refuses: a demo address in it bounces. */
  public static final String BOUNCING_DOMAIN = "onbestelbaar." + DOMAIN;

  /** The authority whose holder's demo mail bounces: the burgemeester of De Bilt. */
  public static final String BOUNCING_AUTHORITY = "BM-GM0310";

  @Override
  public Contact primary(String authorityCode, AuthorityRole role) {
    return new Contact(Contact.Channel.KNOOPPUNT, authorityCode, true);
  }

  @Override
  public Contact fallback(String authorityCode, AuthorityRole role) {
    return new Contact(
        Contact.Channel.EMAIL,
        "piket." + authorityCode.toLowerCase(Locale.ROOT) + "@" + DOMAIN,
        true);
  }

  /**
   * The holder, the stand-in and the desk's officer on duty, each with a fictional e-mail address,
   * mobile number and number to call that are the same every time (so a page says "demonummer").
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
            channels(authorityCode, ChainContact.Position.HOUDER)),
        new ChainContact(
            2,
            ChainContact.Position.PLAATSVERVANGER,
            capitalised(role.deputyTitle()) + " (" + authorityName + ")",
            role.deputyTitle(),
            channels(authorityCode, ChainContact.Position.PLAATSVERVANGER)),
        new ChainContact(
            3,
            ChainContact.Position.OFFICIER_VAN_DIENST,
            capitalised(desk.officer()) + ", " + desk.name(),
            desk.officer(),
            channels(desk.code(), ChainContact.Position.OFFICIER_VAN_DIENST)));
  }

  /** E-mail, SMS and telephone of one demo person, in the order the hub tries them. */
  private static List<Contact> channels(String code, ChainContact.Position position) {
    String key = code + "/" + position;
    String local =
        switch (position) {
          case HOUDER -> "houder";
          case PLAATSVERVANGER -> "plaatsvervanger";
          case OFFICIER_VAN_DIENST -> "ovd";
        };
    String domain =
        position == ChainContact.Position.HOUDER && BOUNCING_AUTHORITY.equals(code)
            ? BOUNCING_DOMAIN
            : DOMAIN;
    return List.of(
        new Contact(
            Contact.Channel.EMAIL,
            local + "." + code.toLowerCase(Locale.ROOT) + "@" + domain,
            true),
        new Contact(
            Contact.Channel.SMS, String.format("+3197000%06d", number(key, 1_000_000)), true),
        phone(key));
  }

  private static int number(String key, int range) {
    return Math.floorMod(key.hashCode(), range);
  }

  /** A fictional number in the 070 000 range, the same for the same key every time. */
  private static Contact phone(String key) {
    int n = number(key, 10_000);
    return new Contact(Contact.Channel.TELEFOON, String.format("070 000 %04d", n), true);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
