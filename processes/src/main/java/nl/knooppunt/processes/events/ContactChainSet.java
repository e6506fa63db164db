package nl.knooppunt.processes.events;

import java.time.Instant;
import java.util.List;

/**
 * The contact chain of one authority as the contact register holds it now (the register's page
 * {@code /contacten} in the gateway). Produced by the gateway on the compacted {@link
 * Topic#CONTACTS} (key = authority code) as {@link EventType#CONTACTEN_VASTGESTELD}; the workers
 * read the topic from its start and deliver notices along it. An empty {@code chain} removes the
 * authority's contacts from the register (the workers then know no contact for it).
 *
 * @param authorityCode the directory code ({@code BM-GM0344}, {@code VZ-VR09}, …)
 * @param version the register's version of this chain, 1, 2, …; a reader keeps the highest
 * @param demo whether any person in it is demo data (a production hub refuses to start then)
 * @param chain the people in calling order; several at one order share it by piket
 * @param changedBy who changed it last (user name)
 */
public record ContactChainSet(
    String authorityCode, int version, boolean demo, List<Person> chain, String changedBy)
    implements EventPayload {

  public ContactChainSet {
    Required.text(authorityCode, "authorityCode");
    chain = chain == null ? List.of() : List.copyOf(chain);
  }

  /**
   * One person in the chain.
   *
   * @param order place in the chain, from 1
   * @param position {@code HOUDER}, {@code PLAATSVERVANGER} or {@code OFFICIER_VAN_DIENST}
   * @param name as the call task and the message show it
   * @param function e.g. "loco-burgemeester"
   * @param channels how to reach the person, in the order tried
   * @param piket when the person is on duty; empty: always (no schedule)
   */
  public record Person(
      int order,
      String position,
      String name,
      String function,
      List<Address> channels,
      List<Duty> piket) {

    public Person {
      channels = channels == null ? List.of() : List.copyOf(channels);
      piket = piket == null ? List.of() : List.copyOf(piket);
    }
  }

  /**
   * One way to reach a person.
   *
   * @param channel {@code EMAIL}, {@code SMS} or {@code TELEFOON}
   * @param address an e-mail address, or a number in E.164 ({@code +31612345678})
   */
  public record Address(String channel, String address) {}

  /** A stretch of duty (piket), from inclusive, until exclusive. */
  public record Duty(Instant from, Instant until) {}
}
