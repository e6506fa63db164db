package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every user task of the four processes: where it is and which form it shows. Its SLA (the due date
 * is creation + SLA) is not here: it is the decision table {@link DecisionId#SLA_TERMIJNEN}, read
 * by the process at its start ({@link Variable#TERMIJNEN}); {@link SlaTable} reads the shipped
 * table for guards and test data. A task-listener job names the task by {@code bpmnProcessId} and
 * {@code elementId}; {@link #of(String, String)} finds it.
 */
public enum Task {
  // informeer-gezagen
  ONTVANGER_BELLEN(ProcessId.INFORMEER_GEZAGEN, "Ontvanger_Bellen", Form.TELEFONISCH_BENADEREN),
  NIEMAND_BEREIKT(ProcessId.INFORMEER_GEZAGEN, "Niemand_Bereikt", Form.ESCALATIE),

  // dreigingsniveau-5
  GEBIED_CORRIGEREN(ProcessId.DREIGINGSNIVEAU_5, "Gebied_Corrigeren", Form.GEBIED_CORRIGEREN),
  INFORMATIE_DELEN(ProcessId.DREIGINGSNIVEAU_5, "Informatie_Delen", Form.INFORMATIE_DELEN),
  INFORMATIE_BELLEN(ProcessId.DREIGINGSNIVEAU_5, "Informatie_Bellen", Form.INFORMATIE_RAPPELLEREN),
  AFSTEMMEN_LOKAAL_GEZAG(
      ProcessId.DREIGINGSNIVEAU_5, "Afstemmen_Lokaal_Gezag", Form.AFSTEMMING_LOKAAL_GEZAG),
  REGIO_BELLEN(ProcessId.DREIGINGSNIVEAU_5, "Regio_Bellen", Form.REGIO_BELLEN),
  BESLUIT_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5, "Besluit_Afkondiging", Form.BESLUIT_DREIGINGSNIVEAU),
  MEDEONDERTEKENEN_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5, "Medeondertekenen_Afkondiging", Form.MEDEONDERTEKENING),
  COMMUNICATIE_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5, "Communicatie_Afkondiging", Form.PUBLIEKSCOMMUNICATIE),
  LOKALE_BOODSCHAP_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5, "Lokale_Boodschap_Afkondiging", Form.LOKALE_BOODSCHAP),
  /**
   * Per round while level 5 holds: police, OM and every affected region report for the picture
   * (beeld); optional, the next round withdraws what is unanswered.
   */
  SITUATIERAPPORT_BEELD(ProcessId.DREIGINGSNIVEAU_5, "Situatierapport_Beeld", Form.SITUATIERAPPORT),
  INFORMATIE_HERBEOORDELING(
      ProcessId.DREIGINGSNIVEAU_5, "Informatie_Herbeoordeling", Form.INFORMATIE_DELEN),
  INFORMATIE_BELLEN_HERBEOORDELING(
      ProcessId.DREIGINGSNIVEAU_5, "Informatie_Bellen_Herbeoordeling", Form.INFORMATIE_RAPPELLEREN),
  AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Afstemmen_Lokaal_Gezag_Herbeoordeling",
      Form.AFSTEMMING_LOKAAL_GEZAG),
  REGIO_BELLEN_HERBEOORDELING(
      ProcessId.DREIGINGSNIVEAU_5, "Regio_Bellen_Herbeoordeling", Form.REGIO_BELLEN),
  HERBEOORDELEN(ProcessId.DREIGINGSNIVEAU_5, "Herbeoordelen", Form.HERBEOORDELING),
  /** The review escalated to the second NCTV decider half an hour before the end (#14 item 2). */
  HERBEOORDELEN_TWEEDE(ProcessId.DREIGINGSNIVEAU_5, "Herbeoordelen_Tweede", Form.HERBEOORDELING),
  /** The review escalated to the head of the NCTV / DG at the end (#14 item 2). */
  HERBEOORDELEN_HOOFD(ProcessId.DREIGINGSNIVEAU_5, "Herbeoordelen_Hoofd", Form.HERBEOORDELING),
  MEDEONDERTEKENEN_VERLENGING(
      ProcessId.DREIGINGSNIVEAU_5, "Medeondertekenen_Verlenging", Form.MEDEONDERTEKENING),
  COMMUNICATIE_VERLENGING(
      ProcessId.DREIGINGSNIVEAU_5, "Communicatie_Verlenging", Form.PUBLIEKSCOMMUNICATIE),
  INFORMATIE_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Informatie_Afschaling", Form.INFORMATIE_DELEN),
  INFORMATIE_BELLEN_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Informatie_Bellen_Afschaling", Form.INFORMATIE_RAPPELLEREN),
  AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Afstemmen_Lokaal_Gezag_Afschaling",
      Form.AFSTEMMING_LOKAAL_GEZAG),
  REGIO_BELLEN_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Regio_Bellen_Afschaling", Form.REGIO_BELLEN),
  BESLUIT_AFSCHALING(ProcessId.DREIGINGSNIVEAU_5, "Besluit_Afschaling", Form.BESLUIT_AFSCHALING),
  MEDEONDERTEKENEN_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Medeondertekenen_Afschaling", Form.MEDEONDERTEKENING),
  COMMUNICATIE_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Communicatie_Afschaling", Form.PUBLIEKSCOMMUNICATIE),
  LOKALE_BOODSCHAP_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5, "Lokale_Boodschap_Afschaling", Form.LOKALE_BOODSCHAP),
  EVALUEREN_DREIGINGSNIVEAU(ProcessId.DREIGINGSNIVEAU_5, "Evalueren", Form.EVALUATIE),
  NAZORG_DREIGINGSNIVEAU(ProcessId.DREIGINGSNIVEAU_5, "Nazorg_Hulpverleners", Form.NAZORG),

  // manhunt
  OPSCHALING_BEVESTIGEN(ProcessId.MANHUNT, "Opschaling_Bevestigen", Form.BEVESTIGING_OPSCHALING),
  ESCALATIE_OPSCHALING(ProcessId.MANHUNT, "Escalatie_Opschaling", Form.ESCALATIE),
  LEIDING_BEVESTIGEN(ProcessId.MANHUNT, "Leiding_Bevestigen", Form.LEIDING_EN_PUBLIEKSOPROEPEN),
  ALARMERING_BESLUITEN(ProcessId.MANHUNT, "Alarmering_Besluiten", Form.BESLUIT_PUBLIEKSALARMERING),
  NIVEAU5_OVERWEGEN(ProcessId.MANHUNT, "Niveau5_Overwegen", Form.OVERWEGING_DREIGINGSNIVEAU),
  EVALUEREN_MANHUNT(ProcessId.MANHUNT, "Evalueren", Form.EVALUATIE),
  NAZORG_MANHUNT(ProcessId.MANHUNT, "Nazorg_Hulpverleners", Form.NAZORG),

  // bijstandsaanvraag
  AANVRAAG_BEOORDELEN(ProcessId.BIJSTANDSAANVRAAG, "Aanvraag_Beoordelen", Form.BEOORDELING_LOCC),
  INFORMATIE_AANVULLEN(
      ProcessId.BIJSTANDSAANVRAAG, "Informatie_Aanvullen", Form.AANVULLENDE_INFORMATIE),
  BIJSTAND_AANBIEDEN(ProcessId.BIJSTANDSAANVRAAG, "Bijstand_Aanbieden", Form.AANBOD_BIJSTAND),
  ESCALATIE_AANBOD(
      ProcessId.BIJSTANDSAANVRAAG, "Escalatie_Aanbod", Form.ESCALATIE_ONVOLDOENDE_AANBOD),
  TOEWIJZING_OPSTELLEN(ProcessId.BIJSTANDSAANVRAAG, "Toewijzing_Opstellen", Form.TOEWIJZING),
  BESLUIT_BIJSTAND(ProcessId.BIJSTANDSAANVRAAG, "Besluit_Bijstand", Form.BESLUIT_BIJSTAND),
  RISICO_ASSESSMENT(ProcessId.BIJSTANDSAANVRAAG, "Risico_Assessment", Form.RISICO_ASSESSMENT),
  VERLENGING_BEOORDELEN(
      ProcessId.BIJSTANDSAANVRAAG, "Verlenging_Beoordelen", Form.BESLUIT_VERLENGING),
  KOSTEN_OPGEVEN(ProcessId.BIJSTANDSAANVRAAG, "Kosten_Opgeven", Form.KOSTENREGISTRATIE),
  EVALUEREN_BIJSTAND(ProcessId.BIJSTANDSAANVRAAG, "Evalueren", Form.EVALUATIE);

  private final ProcessId process;
  private final String elementId;
  private final Form form;

  Task(ProcessId process, String elementId, Form form) {
    this.process = process;
    this.elementId = elementId;
    this.form = form;
  }

  public ProcessId process() {
    return process;
  }

  public String elementId() {
    return elementId;
  }

  public Form form() {
    return form;
  }

  /**
   * Whether this task is the review escalated up the chain before a level 5 ends (#14 item 2): the
   * pages show it in red.
   */
  public boolean isEscalation() {
    return this == HERBEOORDELEN_TWEEDE || this == HERBEOORDELEN_HOOFD;
  }

  /** Whether the task with this element id is an escalation ({@link #isEscalation()}). */
  public static boolean isEscalation(String elementId) {
    return Arrays.stream(values()).anyMatch(t -> t.isEscalation() && t.elementId.equals(elementId));
  }

  public static Optional<Task> of(String bpmnProcessId, String elementId) {
    return Arrays.stream(values())
        .filter(t -> t.process.id().equals(bpmnProcessId) && t.elementId.equals(elementId))
        .findFirst();
  }
}
