package nl.knooppunt.processes.events;

/** The Kafka topics of DESIGN §4. Every record is a JSON {@link CloudEvent}. */
public enum Topic {
  /** Outbound notices to authorities; key = recipient code. */
  NOTIFICATIONS("knooppunt.notifications.v1"),
  /** Inbound acknowledgements from regional systems and the gateway; key = notification id. */
  ACKNOWLEDGEMENTS(Names.ACKNOWLEDGEMENTS),
  /** Acknowledgements that could not be read, with the reason in a header; never retried. */
  ACKNOWLEDGEMENTS_DEAD_LETTER("knooppunt.acknowledgements.v1.dlt"),
  /** Domain events: the logbook and the read model; key = crisis id. */
  EVENTS(Names.EVENTS),
  /** Compacted: the threat level in force per gemeente; key = GM code. */
  THREAT_LEVELS("knooppunt.threat-levels.v1");

  /** The names as constants, for annotations ({@code @KafkaListener(topics = ...)}). */
  public static final class Names {
    public static final String EVENTS = "knooppunt.events.v1";
    public static final String ACKNOWLEDGEMENTS = "knooppunt.acknowledgements.v1";

    private Names() {}
  }

  private final String topicName;

  Topic(String topicName) {
    this.topicName = topicName;
  }

  public String topicName() {
    return topicName;
  }

  @Override
  public String toString() {
    return topicName;
  }
}
