package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Process-variable names that cross the boundary between models, workers and gateway. Records in
 * {@link nl.knooppunt.processes.variables} give the shape of the structured ones.
 */
public enum Variable {
  // --- every instance
  CRISIS_ID("crisisId"),
  /** true = OEFENING: every notification, page and report says so. */
  EXERCISE("exercise"),
  /**
   * true = a crisis of an exercise scenario started by a simulated participant: its notices stay in
   * the hub (inbox, pages, topic) and go to nobody's e-mail or phone. Absent otherwise.
   */
  ALLEEN_IN_KNOOPPUNT("alleenInKnooppunt"),
  EVALUATIE("evaluatie"),
  /** Aftercare of responders after a manhunt or a level 5 after an attack (one region). */
  NAZORG("nazorg"),
  /** The aftercare of every affected region (the multi-instance output of level 5). */
  NAZORGEN("nazorgen"),
  /**
   * The SLA terms of this instance, from the decision table {@link DecisionId#SLA_TERMIJNEN} at its
   * start: a context step (element id) → ISO 8601 duration, e.g. {@code termijnen.Evalueren}.
   */
  TERMIJNEN("termijnen"),
  /** The term that passed, on an SLA reminder or escalation job ({@code =termijnen.<stap>}). */
  SLA("sla"),

  // --- informeer-gezagen (inputs via the call activity, output bevestigingen)
  ONTVANGERS("ontvangers"),
  ONTVANGER("ontvanger"),
  /**
   * What a task is about when it is not about a recipient: its subject on the task list and the
   * crisis page (e.g. the remaining time of an escalated review).
   */
  ONDERWERP("onderwerp"),
  BERICHT("bericht"),
  /**
   * informeer-gezagen: true when every person of the recipient's contact chain gets the notice at
   * once (the reachability test), not only the holder first.
   */
  HELE_KETEN("heleKeten"),
  REFERENTIE("referentie"),
  SLA_BEVESTIGING("slaBevestiging"),
  NOTIFICATIE_ID("notificatieId"),
  /** Per recipient after phase 1: {@link nl.knooppunt.processes.variables.Dispatch}. */
  VERZENDING("verzending"),
  /** Phase 1 output, phase 2 input: a list of {@code verzending}. */
  VERZENDINGEN("verzendingen"),
  BEVESTIGING("bevestiging"),
  BEVESTIGINGEN("bevestigingen"),
  BEVESTIGD_OP("bevestigdOp"),
  BEVESTIGD_DOOR("bevestigdDoor"),
  /**
   * Phase 2, per silent recipient: the person being called ({@link
   * nl.knooppunt.processes.variables.CallContact}); null before the first call and once the chain
   * is exhausted.
   */
  BEL_CONTACT("belContact"),

  // --- dreigingsniveau-5
  GEBIED("gebied"),
  REDEN("reden"),
  VOORGESTELD_DOOR("voorgesteldDoor"),
  VOORGESTELD_EINDE("voorgesteldEinde"),
  GEKOPPELDE_MANHUNT_ID("gekoppeldeManhuntId"),
  /** dreigingsniveau-5: proposed after an attack (start), so aftercare follows at its end. */
  NA_AANSLAG("naAanslag"),
  BETROKKEN_REGIOS("betrokkenRegios"),
  VR_CODE("vrCode"),
  /**
   * The information partners asked before each level decision (police and OM, plus the partners of
   * the setting {@code knooppunt.dreigingsniveau.informatiepartners}): candidate groups, from the
   * worker of {@link JobType#GEBIED_BEPALEN}.
   */
  INFORMATIEPARTNERS("informatiepartners"),
  /** One element of {@link #INFORMATIEPARTNERS}: whose information task this is. */
  INFORMATIEPARTNER("informatiepartner"),
  /**
   * What each partner shared, per partner: {@code {politie: {samenvatting, …}, om: {…}}}, each
   * value a {@link nl.knooppunt.processes.variables.InvestigationInformation}. Emptied before a
   * review and before a lowering (fresh information).
   */
  OPSPORINGSINFORMATIE("opsporingsinformatie"),
  /** The operator's call to a silent information partner: reached or not, with whom. */
  RAPPEL("rappel"),
  /**
   * An NCTV decider decided to go on without full information: {@code {reden, besluitDoor,
   * ontbrekend}} (message {@link MessageName#BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE}); null otherwise.
   */
  BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE("besluitZonderVolledigeInformatie"),
  /** Message variable: why the decision does not wait for the missing information. */
  ZONDER_INFORMATIE_REDEN("zonderInformatieReden"),
  /** Message variable: the NCTV decider who decided so (set by the gateway). */
  ZONDER_INFORMATIE_DOOR("zonderInformatieDoor"),
  AFSTEMMING("afstemming"),
  /** One region recorded as silent ({@code GEEN_REACTIE}) that the operator calls. */
  STILLE_AFSTEMMING("stilleAfstemming"),
  /** The operator's call to a silent region: reached or not, with whom. */
  REGIO_GEBELD("regioGebeld"),
  AFSTEMMINGEN("afstemmingen"),
  BESLUIT("besluit"),
  EINDTIJD("eindtijd"),
  /** Set by the gateway from the signed-in user on every decision form; never typed by hand. */
  BESLISSER("beslisser"),
  VOORSTELLER("voorsteller"),
  NIVEAU("niveau"),
  PUBLIEKE_COMMUNICATIE("publiekeCommunicatie"),
  HERBEOORDELING("herbeoordeling"),
  AFSCHALINGSVOORSTEL("afschalingsvoorstel"),
  AFSCHALING_VOORGESTELD_DOOR("afschalingVoorgesteldDoor"),
  AFSCHALING_REDEN("afschalingReden"),
  AFSCHALING_BRON("afschalingBron"),
  AFSCHALINGSBESLUIT("afschalingsbesluit"),
  /**
   * The local messages published with the national text ({@link
   * nl.knooppunt.processes.variables.LocalMessage}): input of the publication job.
   */
  LOKALE_BOODSCHAPPEN("lokaleBoodschappen"),
  /** Per affected municipality while its local message is asked: its code (GM…). */
  GEMEENTE_CODE("gemeenteCode"),
  /**
   * How long the affected municipalities have for a local message before publication goes on
   * without it (ISO 8601 duration; a setting passed at the start, default {@code PT30M}).
   */
  SLA_LOKALE_BOODSCHAP("slaLokaleBoodschap"),
  /**
   * How often police, OM and the affected regions are asked for a situation report while level 5
   * holds (ISO 8601 duration; a setting passed at the start, default {@code PT30M}).
   */
  INTERVAL_SITUATIERAPPORT("intervalSituatierapport"),
  /** Per situation report asked: its source, {@code politie}, {@code om} or a region code. */
  BRON("bron"),
  BEVESTIGINGEN_AFKONDIGING("bevestigingenAfkondiging"),
  BEVESTIGINGEN_VERLENGING("bevestigingenVerlenging"),
  BEVESTIGINGEN_AFSCHALING("bevestigingenAfschaling"),
  BEVESTIGINGEN_BESLUIT("bevestigingenBesluit"),

  // --- manhunt
  LOCATIE("locatie"),
  TIJDSTIP("tijdstip"),
  DADERS("daders"),
  MOGELIJK_TERRORISTISCH_MOTIEF("mogelijkTerroristischMotief"),
  /** Why the possible terrorist motive was raised during the manhunt (message toelichting). */
  MOTIEF_TOELICHTING("motiefToelichting"),
  GRIP_ADVIES("gripAdvies"),
  OPSCHALING("opschaling"),
  ESCALATIE_OPSCHALING("escalatieOpschaling"),
  OPSPORINGSBESLUIT("opsporingsbesluit"),
  /** The gezag's decision on NL-Alert and Burgernet. */
  ALARMERINGSBESLUIT("alarmeringsbesluit"),
  /** What one public appeal puts out (input of the appeal job): channels, who decided, why. */
  PUBLIEKSOPROEP("publieksoproep"),
  OVERWEGING("overweging"),
  GEKOPPELD_DREIGINGSNIVEAU_ID("gekoppeldDreigingsniveauId"),
  AFLOOP("afloop"),
  AFLOOP_TOELICHTING("afloopToelichting"),
  TOELICHTING("toelichting"),
  BEVESTIGINGEN_MANHUNT("bevestigingenManhunt"),

  // --- bijstandsaanvraag
  AANVRAAG_ID("aanvraagId"),
  AANVRAAG("aanvraag"),
  AANGEVRAAGD_DOOR("aangevraagdDoor"),
  GEKOPPELDE_CRISIS_ID("gekoppeldeCrisisId"),
  KANDIDAAT_REGIOS("kandidaatRegios"),
  BEOORDELING("beoordeling"),
  AANVULLING("aanvulling"),
  AANBOD("aanbod"),
  AANBIEDINGEN("aanbiedingen"),
  ESCALATIE_AANBOD("escalatieAanbod"),
  TOEWIJZINGSVOORSTEL("toewijzingsvoorstel"),
  TOEWIJZING("toewijzing"),
  BESLUIT_BIJSTAND("besluitBijstand"),
  RISICO_ASSESSMENT("risicoAssessment"),
  INZET_EINDE("inzetEinde"),
  VERLENGINGSVERZOEK("verlengingsverzoek"),
  VERLENGING_TOT("verlengingTot"),
  VERLENGING_REDEN("verlengingReden"),
  VERLENGING_AANGEVRAAGD_DOOR("verlengingAangevraagdDoor"),
  VERLENGINGSBESLUIT("verlengingsbesluit"),
  KOSTEN("kosten"),
  BEVESTIGINGEN_TOEKENNING("bevestigingenToekenning"),
  BEVESTIGINGEN_AFWIJZING("bevestigingenAfwijzing");

  private final String variableName;

  Variable(String variableName) {
    this.variableName = variableName;
  }

  /** The variable name in the process. */
  public String variableName() {
    return variableName;
  }

  public static Optional<Variable> of(String variableName) {
    return Arrays.stream(values()).filter(v -> v.variableName.equals(variableName)).findFirst();
  }

  @Override
  public String toString() {
    return variableName;
  }
}
