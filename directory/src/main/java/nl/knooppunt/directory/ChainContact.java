package nl.knooppunt.directory;

import java.util.List;
import java.util.Optional;

/**
 * One person in an authority's contact chain (belketen): whom the hub calls, in this order, when a
 * notice stays unacknowledged. A call that does not reach this person goes to the next one; after
 * the last one the national operator escalates.
 *
 * <p>The shape leaves room for the contact register to come: more channels per person (hub inbox,
 * e-mail, SMS, each with its address) and on-duty schedules are added beside these fields, the
 * chain and its order stay as they are.
 *
 * @param order place in the chain, from 1
 * @param position what the person is in the chain
 * @param name the person, as the call task shows it
 * @param function the person's function, e.g. "loco-burgemeester"
 * @param channels how to reach the person; for now one {@link Contact.Channel#TELEFOON} contact
 */
public record ChainContact(
    int order, Position position, String name, String function, List<Contact> channels) {

  public ChainContact {
    channels = List.copyOf(channels);
  }

  /** The places in a chain, in calling order. */
  public enum Position {
    /** The holder of the function: the burgemeester, the voorzitter, the hoofdofficier. */
    HOUDER,
    /** The holder's stand-in (loco-burgemeester, plaatsvervangend voorzitter, ...). */
    PLAATSVERVANGER,
    /**
     * The officer on duty of the organisation the authority belongs to: the veiligheidsregio for a
     * burgemeester, the police unit for a politiechef, the parket for the OM.
     */
    OFFICIER_VAN_DIENST
  }

  /** The number to dial, if the register has one. */
  public Optional<Contact> phone() {
    return channels.stream().filter(c -> c.channel() == Contact.Channel.TELEFOON).findFirst();
  }

  /** True when every way to reach this person is a fictional demo contact. */
  public boolean demo() {
    return !channels.isEmpty() && channels.stream().allMatch(Contact::demo);
  }
}
