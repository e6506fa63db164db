package nl.knooppunt.processes.variables;

/**
 * Start variables of dreigingsniveau-5 (create instance, or message {@code
 * knooppunt.dreigingsniveau.voorstel}).
 *
 * @param voorgesteldEinde ISO 8601 date-time
 * @param gekoppeldeManhuntId crisisId of the manhunt that proposed it; null otherwise
 * @param slaLokaleBoodschap how long the affected municipalities have to add a local message to a
 *     public communication before it is published without (ISO 8601 duration, a setting); null: the
 *     step's term in the decision table SlaTermijnen (ADR 0048)
 * @param intervalSituatierapport how often situation reports are asked while level 5 holds (ISO
 *     8601 duration, a setting); null: the term of the situation report in the decision table
 *     SlaTermijnen (ADR 0048)
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
   * and the affected regions are asked for a situation report while level 5 holds; not set: the
   * term of {@code Situatierapport_Beeld} in the decision table SlaTermijnen.
   */
  public static final String INTERVAL_SITUATIERAPPORT_SETTING =
      "knooppunt.dreigingsniveau.interval-situatierapport";

  /**
   * The setting {@code knooppunt.dreigingsniveau.sla-lokale-boodschap}; not set: the term of the
   * local message step in the decision table SlaTermijnen.
   */
  public static final String SLA_LOKALE_BOODSCHAP_SETTING =
      "knooppunt.dreigingsniveau.sla-lokale-boodschap";

  /**
   * A duration setting as given ({@code PT30M} or {@code 30m}); null when not set, so the model
   * takes the term of the decision table SlaTermijnen.
   */
  public static java.time.Duration setting(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P")) {
      return java.time.Duration.parse(v);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + value);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> java.time.Duration.ofMillis(n);
      case "s" -> java.time.Duration.ofSeconds(n);
      case "m" -> java.time.Duration.ofMinutes(n);
      case "h" -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofDays(n);
    };
  }
}
