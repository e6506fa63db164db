package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every job type a BPMN service task, send task or message throw event issues. Scheme: {@code
 * knooppunt.<domein>.<handeling>}. The workers implement exactly these; the task-listener job types
 * are in {@link TaskListenerJobType}.
 */
public enum JobType {
  // --- shared by the crisis processes
  /** Registers the instance in the logbook and read model (crisis, manhunt, request). */
  CRISIS_REGISTREREN("knooppunt.crisis.registreren"),
  /** Closes the crisis after the evaluation; archives the lessons (PDCA). */
  CRISIS_AFSLUITEN("knooppunt.crisis.afsluiten"),
  /**
   * Resolves an area (provinces, regions, municipalities) to the affected regions ({@code
   * betrokkenRegios}) and the recipients to notify ({@code ontvangers}); error {@link
   * ErrorCode#GEBIED_ONBEKEND}.
   */
  GEBIED_BEPALEN("knooppunt.gebied.bepalen"),
  /** Appends a fact to the logbook; header {@code gebeurtenis} names it. */
  LOGBOEK_VASTLEGGEN("knooppunt.logboek.vastleggen"),
  /** SLA reminder to the candidate group of a task; headers {@code taak}, {@code sla}. */
  SLA_HERINNEREN("knooppunt.sla.herinneren"),
  /**
   * SLA escalation to the duty officer; headers {@code taak}, {@code sla}, {@code escalerenNaar}.
   */
  SLA_ESCALEREN("knooppunt.sla.escaleren"),
  /** Four eyes: throws {@link ErrorCode#VIER_OGEN_GESCHONDEN} when proposer = decider. */
  VIER_OGEN_CONTROLEREN("knooppunt.besluit.vier-ogen-controleren"),

  // --- dreigingsniveau-5
  /** Registers the threat level in force for the area (header {@code actie}, input niveau). */
  DREIGINGSNIVEAU_REGISTREREN("knooppunt.dreigingsniveau.registreren"),
  /**
   * Publishes the public communication; throws {@link ErrorCode#COMMUNICATIE_ONVOLLEDIG} when one
   * of the three aims is missing.
   */
  COMMUNICATIE_PUBLICEREN("knooppunt.communicatie.publiceren"),

  // --- informeer-gezagen
  /** Sends one notification; throws {@link ErrorCode#ONTVANGER_ONBEREIKBAAR}. */
  MELDING_VERSTUREN("knooppunt.melding.versturen"),
  /** Sends the notification to the recipient's fallback contact. */
  MELDING_FALLBACK_VERSTUREN("knooppunt.melding.fallback-versturen"),
  /** Records the outcome of a notification round (who acknowledged, when, how). */
  MELDING_RESULTAAT_VASTLEGGEN("knooppunt.melding.resultaat-vastleggen"),

  // --- manhunt
  /** Sends the GRIP scale-up advice to the affected region (input {@code gripAdvies}). */
  MANHUNT_GRIP_ADVISEREN("knooppunt.manhunt.grip-adviseren"),
  /** Issues the public appeals the OvJ decided (NL-Alert, Burgernet, photo/name). */
  MANHUNT_PUBLIEKSOPROEP_UITZETTEN("knooppunt.manhunt.publieksoproep-uitzetten"),
  /** Publishes {@link MessageName#DREIGINGSNIVEAU_VOORSTEL}: starts the linked level-5 instance. */
  MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN("knooppunt.manhunt.dreigingsniveau-voorstellen"),
  /** Compiles and distributes the situation report (every 30 minutes). */
  MANHUNT_SITUATIERAPPORT_VERSPREIDEN("knooppunt.manhunt.situatierapport-verspreiden"),
  /** Publishes {@link MessageName#AFSCHALING_VOORGESTELD} to the linked level-5 instance. */
  MANHUNT_AFSCHALING_VOORSTELLEN("knooppunt.manhunt.afschaling-voorstellen"),

  // --- bijstandsaanvraag
  /**
   * Validates the request and returns {@code kandidaatRegios}; throws {@link
   * ErrorCode#AANVRAAG_ONGELDIG}.
   */
  BIJSTAND_AANVRAAG_VALIDEREN("knooppunt.bijstand.aanvraag-valideren"),
  /**
   * Registers the start or extension of a deployment (header {@code actie}); returns inzetEinde.
   */
  BIJSTAND_INZET_REGISTREREN("knooppunt.bijstand.inzet-registreren"),
  /** Records the declared costs of a deployment. */
  BIJSTAND_KOSTEN_REGISTREREN("knooppunt.bijstand.kosten-registreren");

  private final String type;

  JobType(String type) {
    this.type = type;
  }

  /** The job type string as it appears in {@code zeebe:taskDefinition type}. */
  public String type() {
    return type;
  }

  public static Optional<JobType> of(String type) {
    return Arrays.stream(values()).filter(j -> j.type.equals(type)).findFirst();
  }

  @Override
  public String toString() {
    return type;
  }
}
