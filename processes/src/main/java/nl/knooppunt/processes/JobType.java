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
  CRISIS_REGISTREREN(JobTypes.CRISIS_REGISTREREN),
  /** Closes the crisis after the evaluation; archives the lessons (PDCA). */
  CRISIS_AFSLUITEN(JobTypes.CRISIS_AFSLUITEN),
  /**
   * Resolves an area (provinces, regions, municipalities) to the affected regions ({@code
   * betrokkenRegios}) and the recipients to notify ({@code ontvangers}); error {@link
   * ErrorCode#GEBIED_ONBEKEND}.
   */
  GEBIED_BEPALEN(JobTypes.GEBIED_BEPALEN),
  /** Appends a fact to the logbook; header {@code gebeurtenis} names it. */
  LOGBOEK_VASTLEGGEN(JobTypes.LOGBOEK_VASTLEGGEN),
  /** SLA reminder to the candidate group of a task; headers {@code taak}, {@code sla}. */
  SLA_HERINNEREN(JobTypes.SLA_HERINNEREN),
  /**
   * SLA escalation to the duty officer; headers {@code taak}, {@code sla}, {@code escalerenNaar}.
   */
  SLA_ESCALEREN(JobTypes.SLA_ESCALEREN),
  /** Four eyes: throws {@link ErrorCode#VIER_OGEN_GESCHONDEN} when proposer = decider. */
  VIER_OGEN_CONTROLEREN(JobTypes.VIER_OGEN_CONTROLEREN),

  // --- dreigingsniveau-5
  /** Registers the threat level in force for the area (header {@code actie}, input niveau). */
  DREIGINGSNIVEAU_REGISTREREN(JobTypes.DREIGINGSNIVEAU_REGISTREREN),
  /**
   * Publishes {@link MessageName#MANHUNT_NIVEAU5_GEKOPPELD} to the linked manhunt ({@code
   * gekoppeldeManhuntId}), so its arrest brings the lowering proposal; nothing without a link.
   */
  DREIGINGSNIVEAU_MANHUNT_KOPPELEN(JobTypes.DREIGINGSNIVEAU_MANHUNT_KOPPELEN),
  /**
   * Publishes the public communication; throws {@link ErrorCode#COMMUNICATIE_ONVOLLEDIG} when one
   * of the three aims is missing.
   */
  COMMUNICATIE_PUBLICEREN(JobTypes.COMMUNICATIE_PUBLICEREN),

  // --- informeer-gezagen
  /** Sends one notification; throws {@link ErrorCode#ONTVANGER_ONBEREIKBAAR}. */
  MELDING_VERSTUREN(JobTypes.MELDING_VERSTUREN),
  /**
   * Phase 1 of informeer-gezagen is done: every notice of the round was sent (or its primary
   * channel was unreachable). Publishes {@link MessageName#MELDINGEN_VERSTUURD} with correlation
   * key {@code referentie}, so the calling process can start the public communication while the
   * acknowledgements are still awaited. Reads {@code referentie} (also visible: {@code crisisId},
   * {@code exercise}, {@code verzendingen}).
   */
  MELDING_RONDE_VERSTUURD(JobTypes.MELDING_RONDE_VERSTUURD),
  /** Sends the notification to the recipient's fallback contact. */
  MELDING_FALLBACK_VERSTUREN(JobTypes.MELDING_FALLBACK_VERSTUREN),
  /**
   * Who is called next about a silent recipient: the contact after {@code belContact} in the
   * recipient's contact chain (holder, stand-in, officer on duty), or {@code belContact = null}
   * when the chain is exhausted and the operator escalates. Reads {@code ontvanger}, {@code
   * belContact}.
   */
  MELDING_BELCONTACT_BEPALEN(JobTypes.MELDING_BELCONTACT_BEPALEN),
  /** Records the outcome of a notification round (who acknowledged, when, how). */
  MELDING_RESULTAAT_VASTLEGGEN(JobTypes.MELDING_RESULTAAT_VASTLEGGEN),

  // --- manhunt
  /** Sends the GRIP scale-up advice to the affected region (input {@code gripAdvies}). */
  MANHUNT_GRIP_ADVISEREN(JobTypes.MANHUNT_GRIP_ADVISEREN),
  /** Issues the public appeals the OvJ decided (NL-Alert, Burgernet, photo/name). */
  MANHUNT_PUBLIEKSOPROEP_UITZETTEN(JobTypes.MANHUNT_PUBLIEKSOPROEP_UITZETTEN),
  /** Publishes {@link MessageName#DREIGINGSNIVEAU_VOORSTEL}: starts the linked level-5 instance. */
  MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN(JobTypes.MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN),
  /** Compiles and distributes the situation report (every 30 minutes). */
  MANHUNT_SITUATIERAPPORT_VERSPREIDEN(JobTypes.MANHUNT_SITUATIERAPPORT_VERSPREIDEN),
  /** Publishes {@link MessageName#AFSCHALING_VOORGESTELD} to the linked level-5 instance. */
  MANHUNT_AFSCHALING_VOORSTELLEN(JobTypes.MANHUNT_AFSCHALING_VOORSTELLEN),

  // --- bijstandsaanvraag
  /**
   * Validates the request and returns {@code kandidaatRegios}; throws {@link
   * ErrorCode#AANVRAAG_ONGELDIG}.
   */
  BIJSTAND_AANVRAAG_VALIDEREN(JobTypes.BIJSTAND_AANVRAAG_VALIDEREN),
  /**
   * Proposes the allocation from the offers (neighbouring regions first, earliest arrival first) as
   * {@code toewijzingsvoorstel}; the LOCC officer adjusts it in the next task.
   */
  BIJSTAND_TOEWIJZING_VOORSTELLEN(JobTypes.BIJSTAND_TOEWIJZING_VOORSTELLEN),
  /**
   * Registers the start or extension of a deployment (header {@code actie}); returns inzetEinde.
   */
  BIJSTAND_INZET_REGISTREREN(JobTypes.BIJSTAND_INZET_REGISTREREN),
  /** Records the declared costs of a deployment. */
  BIJSTAND_KOSTEN_REGISTREREN(JobTypes.BIJSTAND_KOSTEN_REGISTREREN);

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
