package nl.knooppunt.processes.events;

/**
 * The Kafka topics of DESIGN §4. Every record is a JSON {@link CloudEvent} whose {@code data} is
 * the record of its {@link EventType}. Version 2 carries the typed contract (docs/adr/0016): a new
 * version means a new topic, so data of an old format is never read as the new one.
 */
public enum Topic {
  /** Outbound notices to authorities; key = recipient code. */
  NOTIFICATIONS(Names.NOTIFICATIONS),
  /** Inbound acknowledgements from regional systems and the gateway; key = notification id. */
  ACKNOWLEDGEMENTS(Names.ACKNOWLEDGEMENTS),
  /** Acknowledgements that could not be read, with the reason in a header; never retried. */
  ACKNOWLEDGEMENTS_DEAD_LETTER(Names.ACKNOWLEDGEMENTS_DEAD_LETTER),
  /** Domain events: the logbook and the read model; key = crisis id. Retained forever. */
  EVENTS(Names.EVENTS),
  /** Compacted: the threat level in force per gemeente; key = GM code. */
  THREAT_LEVELS(Names.THREAT_LEVELS),
  /**
   * Compacted: the version of the level-5 measures per role in force; key = {@link #MEASURES_KEY}.
   * The gateway writes it, the workers read it from the start.
   */
  MEASURES(Names.MEASURES),
  /**
   * Compacted: the contact register's chain per authority; key = authority code. The gateway writes
   * it, the workers read it from the start.
   */
  CONTACTS(Names.CONTACTS),
  /**
   * The logbook's anchors (position, hash, time, sealed with the logbook's key), a copy outside the
   * database beside the anchor file; key = {@link #LOGBOOK_ANCHORS_KEY} (one key: in order).
   * Retained forever: verification reads it from its start.
   */
  LOGBOOK_ANCHORS(Names.LOGBOOK_ANCHORS);

  /** The one key on {@link #LOGBOOK_ANCHORS}. */
  public static final String LOGBOOK_ANCHORS_KEY = "logboek";

  /** The one key on {@link #MEASURES}: compaction keeps the latest version. */
  public static final String MEASURES_KEY = "maatregelen-dreigingsniveau-5";

  /** The names as constants, for annotations ({@code @KafkaListener(topics = ...)}). */
  public static final class Names {
    public static final String NOTIFICATIONS = "knooppunt.notifications.v2";
    public static final String ACKNOWLEDGEMENTS = "knooppunt.acknowledgements.v2";
    public static final String ACKNOWLEDGEMENTS_DEAD_LETTER = "knooppunt.acknowledgements.v2.dlt";
    public static final String EVENTS = "knooppunt.events.v2";
    public static final String THREAT_LEVELS = "knooppunt.threat-levels.v2";
    public static final String MEASURES = "knooppunt.measures.v2";
    public static final String CONTACTS = "knooppunt.contacts.v2";
    public static final String LOGBOOK_ANCHORS = "knooppunt.logbook-anchors.v2";

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
