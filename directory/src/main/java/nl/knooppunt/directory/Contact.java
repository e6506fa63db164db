package nl.knooppunt.directory;

/**
 * One way to reach an authority.
 *
 * @param channel how
 * @param address where, in the channel's own format
 * @param demo true for the fictional contacts of the embedded default: never a real person
 */
public record Contact(Channel channel, String address, boolean demo) {

  public enum Channel {
    /** The hub's own inbox (pages and regional systems via Kafka). */
    KNOOPPUNT,
    EMAIL,
    SMS,
    TELEFOON
  }
}
