package nl.knooppunt.gateway.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.processes.events.ContactChainSet;

/**
 * One person of an authority's chain in the contact register: place in the calling order, what the
 * person is in the chain, name and function, how to reach the person (e-mail, SMS, telephone, each
 * optional, tried in that order) and the windows of duty (piket; none: always on duty).
 *
 * @param email an e-mail address, or null
 * @param sms a number in E.164 ({@code +31612345678}), or null
 * @param phone a number in E.164, or null
 * @param demo fictional data (the embedded default's demo contacts); a production hub refuses it
 */
public record ContactPerson(
    int order,
    ChainContact.Position position,
    String name,
    String function,
    String email,
    String sms,
    String phone,
    List<Duty> piket,
    boolean demo) {

  public ContactPerson {
    piket = piket == null ? List.of() : List.copyOf(piket);
  }

  /** A stretch of duty, from inclusive, until exclusive. */
  public record Duty(Instant from, Instant until) {}

  /** The channels in the order tried, as the contacts topic carries them. */
  public List<ContactChainSet.Address> channels() {
    List<ContactChainSet.Address> out = new ArrayList<>();
    if (email != null) {
      out.add(new ContactChainSet.Address("EMAIL", email));
    }
    if (sms != null) {
      out.add(new ContactChainSet.Address("SMS", sms));
    }
    if (phone != null) {
      out.add(new ContactChainSet.Address("TELEFOON", phone));
    }
    return out;
  }

  /** The person as the contacts topic carries it. */
  public ContactChainSet.Person onTopic() {
    return new ContactChainSet.Person(
        order,
        position.name(),
        name,
        function,
        channels(),
        piket.stream().map(d -> new ContactChainSet.Duty(d.from(), d.until())).toList());
  }
}
