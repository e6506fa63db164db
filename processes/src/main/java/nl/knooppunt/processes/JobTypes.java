package nl.knooppunt.processes;

/**
 * The job types as compile-time constants, for {@code @JobWorker(type = ...)} annotations (an
 * annotation cannot call {@link JobType#type()}). {@link JobType} and {@link TaskListenerJobType}
 * are built from these; a guard test keeps the BPMN, these constants and the workers in step.
 */
public final class JobTypes {

  private JobTypes() {}

  public static final String CRISIS_REGISTREREN = "knooppunt.crisis.registreren";
  public static final String CRISIS_AFSLUITEN = "knooppunt.crisis.afsluiten";
  public static final String GEBIED_BEPALEN = "knooppunt.gebied.bepalen";
  public static final String LOGBOEK_VASTLEGGEN = "knooppunt.logboek.vastleggen";
  public static final String SLA_HERINNEREN = "knooppunt.sla.herinneren";
  public static final String SLA_ESCALEREN = "knooppunt.sla.escaleren";
  public static final String VIER_OGEN_CONTROLEREN = "knooppunt.besluit.vier-ogen-controleren";
  public static final String DREIGINGSNIVEAU_REGISTREREN = "knooppunt.dreigingsniveau.registreren";
  public static final String COMMUNICATIE_PUBLICEREN = "knooppunt.communicatie.publiceren";
  public static final String MELDING_VERSTUREN = "knooppunt.melding.versturen";
  public static final String MELDING_RONDE_VERSTUURD = "knooppunt.melding.ronde-verstuurd";
  public static final String MELDING_FALLBACK_VERSTUREN = "knooppunt.melding.fallback-versturen";
  public static final String MELDING_BELCONTACT_BEPALEN = "knooppunt.melding.belcontact-bepalen";
  public static final String MELDING_RESULTAAT_VASTLEGGEN =
      "knooppunt.melding.resultaat-vastleggen";
  public static final String DREIGINGSNIVEAU_MANHUNT_KOPPELEN =
      "knooppunt.dreigingsniveau.manhunt-koppelen";
  public static final String MANHUNT_GRIP_ADVISEREN = "knooppunt.manhunt.grip-adviseren";
  public static final String MANHUNT_PUBLIEKSOPROEP_UITZETTEN =
      "knooppunt.manhunt.publieksoproep-uitzetten";
  public static final String MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN =
      "knooppunt.manhunt.dreigingsniveau-voorstellen";
  public static final String MANHUNT_SITUATIERAPPORT_VERSPREIDEN =
      "knooppunt.manhunt.situatierapport-verspreiden";
  public static final String MANHUNT_AFSCHALING_VOORSTELLEN =
      "knooppunt.manhunt.afschaling-voorstellen";
  public static final String BIJSTAND_AANVRAAG_VALIDEREN = "knooppunt.bijstand.aanvraag-valideren";
  public static final String BIJSTAND_TOEWIJZING_VOORSTELLEN =
      "knooppunt.bijstand.toewijzing-voorstellen";
  public static final String BIJSTAND_INZET_REGISTREREN = "knooppunt.bijstand.inzet-registreren";
  public static final String BIJSTAND_KOSTEN_REGISTREREN = "knooppunt.bijstand.kosten-registreren";
  public static final String TAAK_CREATING = "knooppunt.taak.creating";
  public static final String TAAK_ASSIGNING = "knooppunt.taak.assigning";
  public static final String TAAK_COMPLETING = "knooppunt.taak.completing";
  public static final String TAAK_CANCELING = "knooppunt.taak.canceling";
}
