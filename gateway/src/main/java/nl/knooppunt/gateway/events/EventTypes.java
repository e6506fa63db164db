package nl.knooppunt.gateway.events;

import java.util.List;

/**
 * The event types on {@code knooppunt.events.v1} that the gateway's read model understands, beyond
 * the catalogue's {@link nl.knooppunt.processes.events.EventType} (which the workers produce and
 * the projector handles first: {@code crisis.geopend}, {@code crisis.afgesloten}, {@code
 * dreigingsniveau.gewijzigd}, {@code melding.verstuurd}, {@code melding.fallback-verstuurd}, {@code
 * melding.bevestigd}, {@code logboek.feit}, {@code sla.escalatie}, {@code
 * bijstand.inzet-geregistreerd}, ...). Every event, known or not, is appended to the logbook; the
 * known ones also update the projections. The types the gateway itself produces (process started,
 * message delivered, task events) are in the catalogue too; the ones here are accepted aliases
 * (English field names) of other producers.
 *
 * <p>Envelope (CloudEvents-style JSON, key = crisis id): {@code id} (unique; the idempotency key),
 * {@code type} (one of these), {@code source} (e.g. {@code knooppunt-workers}), {@code time} (ISO
 * 8601), {@code subject} (crisis id), optional {@code actor} (who) and {@code exercise} (OEFENING),
 * {@code data} (object). The fields of {@code data} per type are listed in docs/api.md.
 */
public final class EventTypes {

  private EventTypes() {}

  /** Prefix of every type. */
  public static final String PREFIX = "nl.knooppunt.";

  // --- accepted from other producers (English field names; the catalogue's types are preferred)
  /** A crisis registered by its process (job {@code knooppunt.crisis.registreren}). */
  public static final String CRISIS_GEREGISTREERD = PREFIX + "crisis.geregistreerd";

  /** The phase of a crisis changed ({@code data.status}). */
  public static final String CRISIS_STATUS_GEWIJZIGD = PREFIX + "crisis.status-gewijzigd";

  /** The crisis was closed after its evaluation (job {@code knooppunt.crisis.afsluiten}). */
  public static final String CRISIS_AFGESLOTEN = PREFIX + "crisis.afgesloten";

  /** The affected regions of an area were resolved ({@code data.regions}). */
  public static final String GEBIED_BEPAALD = PREFIX + "gebied.bepaald";

  /** A decision was taken ({@code data.decision, decidedBy, motivation}). */
  public static final String BESLUIT_GENOMEN = PREFIX + "besluit.genomen";

  /** A threat level was registered for areas ({@code data.level, action, validUntil, areas}). */
  public static final String DREIGINGSNIVEAU_GEREGISTREERD =
      PREFIX + "dreigingsniveau.geregistreerd";

  /** A notification was sent (written to {@code knooppunt.notifications.v1}). */
  public static final String MELDING_VERSTUURD = PREFIX + "melding.verstuurd";

  /**
   * A notification was acknowledged. Its event id is always {@code melding-bevestigd:<notification
   * id>}, whoever produces it, so the gateway and the workers never count one twice.
   */
  public static final String MELDING_BEVESTIGD = PREFIX + "melding.bevestigd";

  /** A notification was escalated (fallback channel or a call task). */
  public static final String MELDING_GEESCALEERD = PREFIX + "melding.geescaleerd";

  /** Silence recorded: no reaction within the SLA. */
  public static final String STILZWIJGEN_VASTGELEGD = PREFIX + "stilzwijgen.vastgelegd";

  /** An SLA passed: reminder or escalation of a task. */
  public static final String SLA_VERSTREKEN = PREFIX + "sla.verstreken";

  /** A deployment (bijstand) was registered or extended ({@code allocated, until}). */
  public static final String BIJSTAND_INZET_GEREGISTREERD = PREFIX + "bijstand.inzet-geregistreerd";

  /** A deployment ended. */
  public static final String BIJSTAND_INZET_BEEINDIGD = PREFIX + "bijstand.inzet-beeindigd";

  /** The accepted extra types (not in the catalogue). */
  public static final List<String> ACCEPTED =
      List.of(
          CRISIS_GEREGISTREERD,
          CRISIS_STATUS_GEWIJZIGD,
          CRISIS_AFGESLOTEN,
          GEBIED_BEPAALD,
          BESLUIT_GENOMEN,
          DREIGINGSNIVEAU_GEREGISTREERD,
          MELDING_VERSTUURD,
          MELDING_BEVESTIGD,
          MELDING_GEESCALEERD,
          STILZWIJGEN_VASTGELEGD,
          SLA_VERSTREKEN,
          BIJSTAND_INZET_GEREGISTREERD,
          BIJSTAND_INZET_BEEINDIGD);

  /** Event id of an acknowledgement: the same from every producer. */
  public static String acknowledgementEventId(String notificationId) {
    return "melding-bevestigd:" + notificationId;
  }
}
