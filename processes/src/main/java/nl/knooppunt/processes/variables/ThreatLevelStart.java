package nl.knooppunt.processes.variables;

/**
 * Start variables of dreigingsniveau-5 (create instance, or message {@code
 * knooppunt.dreigingsniveau.voorstel}).
 *
 * @param voorgesteldEinde ISO 8601 date-time
 * @param gekoppeldeManhuntId crisisId of the manhunt that proposed it; null otherwise
 * @param slaLokaleBoodschap how long the affected municipalities have to add a local message to a
 *     public communication before it is published without (ISO 8601 duration, a setting); null: the
 *     model's default, 30 minutes
 * @param intervalSituatierapport how often situation reports are asked while level 5 holds (ISO
 *     8601 duration, a setting); null: the model's default, 30 minutes
 * @param naAanslag true when level 5 is proposed after an attack (the operator says so at the
 *     start; a manhunt's proposal always is): at its end every affected region arranges the
 *     aftercare of its responders, as after a manhunt (#14 item 15); null or false: not said
 */
public record ThreatLevelStart(
    String crisisId,
    boolean exercise,
    LevelFiveArea gebied,
    String reden,
    String voorgesteldDoor,
    String voorgesteldEinde,
    String gekoppeldeManhuntId,
    String slaLokaleBoodschap,
    String intervalSituatierapport,
    Boolean naAanslag) {

  /**
   * The setting {@code knooppunt.dreigingsniveau.interval-situatierapport}: how often police, OM
   * and the affected regions are asked for a situation report while level 5 holds; default 30
   * minutes.
   */
  public static final String INTERVAL_SITUATIERAPPORT_SETTING =
      "knooppunt.dreigingsniveau.interval-situatierapport";

  /** The setting: {@code knooppunt.dreigingsniveau.sla-lokale-boodschap}, default 30 minutes. */
  public static final String SLA_LOKALE_BOODSCHAP_SETTING =
      "knooppunt.dreigingsniveau.sla-lokale-boodschap";
}
