package nl.knooppunt.workers.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.AuthorityRole;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.directory.Contact;
import nl.knooppunt.directory.ContactBook;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.DutyDesk;
import nl.knooppunt.processes.events.ContactChainSet;

/**
 * The contact chains of the contact register ({@code /contacten} in the gateway, published on the
 * compacted topic {@code knooppunt.contacts.v2}), the newest version per authority. {@link
 * #chainOf} resolves piket: at each order the persons on duty now; a person without a schedule
 * always counts; an order with nobody on duty is skipped. An authority the register does not hold
 * (never set, or removed with an empty chain) gets the demo chain when demo contacts are allowed
 * ({@value #DEMO_ALLOWED}: true in the embedded default, false in production), else no chain: the
 * operator escalates.
 */
public final class RegisterContactBook implements ContactBook {

  /** Whether authorities the register does not hold get the fictional demo contacts. */
  public static final String DEMO_ALLOWED = "knooppunt.contacten.demo-toegestaan";

  private final ContactBook demo = new DemoContactBook();
  private final Map<String, ContactChainSet> register = new ConcurrentHashMap<>();
  private final boolean demoAllowed;
  private final Clock clock;

  public RegisterContactBook(boolean demoAllowed, Clock clock) {
    this.demoAllowed = demoAllowed;
    this.clock = clock;
  }

  /** Takes a chain from the register if it is newer than the one held for its authority. */
  public void offer(ContactChainSet set) {
    if (set != null) {
      register.merge(
          set.authorityCode(), set, (now, next) -> next.version() > now.version() ? next : now);
    }
  }

  /** Whether the register holds a (non-empty) chain for the authority. */
  public boolean holds(String authorityCode) {
    ContactChainSet set = register.get(authorityCode);
    return set != null && !set.chain().isEmpty();
  }

  /**
   * The chain of an authority now: the register's (piket resolved), else the demo chain if allowed,
   * else empty.
   */
  public List<ChainContact> chainOf(Authority authority) {
    if (authority == null) {
      return List.of();
    }
    if (holds(authority.code())) {
      return onDuty(register.get(authority.code()), clock.instant());
    }
    return demoAllowed ? authority.chain() : List.of();
  }

  /** The persons of a register chain on duty at {@code now}, as chain contacts. */
  static List<ChainContact> onDuty(ContactChainSet set, Instant now) {
    return set.chain().stream()
        .filter(p -> p.piket().isEmpty() || p.piket().stream().anyMatch(d -> covers(d, now)))
        .sorted(java.util.Comparator.comparingInt(ContactChainSet.Person::order))
        .map(p -> contact(p, set.demo()))
        .toList();
  }

  private static boolean covers(ContactChainSet.Duty duty, Instant now) {
    return (duty.from() == null || !now.isBefore(duty.from()))
        && (duty.until() == null || now.isBefore(duty.until()));
  }

  private static ChainContact contact(ContactChainSet.Person p, boolean demo) {
    return new ChainContact(
        p.order(),
        ChainContact.Position.valueOf(p.position().toUpperCase(Locale.ROOT)),
        p.name(),
        p.function(),
        p.channels().stream()
            .map(
                a ->
                    new Contact(
                        Contact.Channel.valueOf(a.channel().toUpperCase(Locale.ROOT)),
                        a.address(),
                        demo))
            .toList());
  }

  /** The hub's own inbox: demo-marked while demo contacts are allowed. */
  @Override
  public Contact primary(String authorityCode, AuthorityRole role) {
    return demoAllowed
        ? demo.primary(authorityCode, role)
        : new Contact(Contact.Channel.KNOOPPUNT, authorityCode, false);
  }

  /** The hub notice after silence: the demo fallback address, or the hub's inbox again. */
  @Override
  public Contact fallback(String authorityCode, AuthorityRole role) {
    return demoAllowed ? demo.fallback(authorityCode, role) : primary(authorityCode, role);
  }

  /** At start (the register is read afterwards): the demo chain if allowed, else none. */
  @Override
  public List<ChainContact> chain(
      String authorityCode, String authorityName, AuthorityRole role, DutyDesk desk) {
    return demoAllowed ? demo.chain(authorityCode, authorityName, role, desk) : List.of();
  }
}
