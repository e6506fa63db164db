package nl.knooppunt.processes;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every user task of the four processes: where it is, which form it shows and its SLA (the due date
 * is creation + SLA). A task-listener job names the task by {@code bpmnProcessId} and {@code
 * elementId}; {@link #of(String, String)} finds it.
 */
public enum Taak {
  // informeer-gezagen
  ONTVANGER_BELLEN(
      ProcessId.INFORMEER_GEZAGEN,
      "Ontvanger_Bellen",
      Formulier.TELEFONISCH_BENADEREN,
      Duration.ofMinutes(30)),

  // dreigingsniveau-5
  GEBIED_CORRIGEREN(
      ProcessId.DREIGINGSNIVEAU_5,
      "Gebied_Corrigeren",
      Formulier.GEBIED_CORRIGEREN,
      Duration.ofMinutes(15)),
  INFORMATIE_DELEN(
      ProcessId.DREIGINGSNIVEAU_5,
      "Informatie_Delen",
      Formulier.INFORMATIE_DELEN,
      Duration.ofHours(1)),
  AFSTEMMEN_LOKAAL_GEZAG(
      ProcessId.DREIGINGSNIVEAU_5,
      "Afstemmen_Lokaal_Gezag",
      Formulier.AFSTEMMING_LOKAAL_GEZAG,
      Duration.ofHours(1)),
  BESLUIT_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Besluit_Afkondiging",
      Formulier.BESLUIT_DREIGINGSNIVEAU,
      Duration.ofMinutes(30)),
  COMMUNICATIE_AFKONDIGING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Communicatie_Afkondiging",
      Formulier.PUBLIEKSCOMMUNICATIE,
      Duration.ofMinutes(30)),
  INFORMATIE_HERBEOORDELING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Informatie_Herbeoordeling",
      Formulier.INFORMATIE_DELEN,
      Duration.ofMinutes(30)),
  HERBEOORDELEN(
      ProcessId.DREIGINGSNIVEAU_5,
      "Herbeoordelen",
      Formulier.HERBEOORDELING,
      Duration.ofMinutes(30)),
  BESLUIT_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Besluit_Afschaling",
      Formulier.BESLUIT_AFSCHALING,
      Duration.ofMinutes(30)),
  COMMUNICATIE_AFSCHALING(
      ProcessId.DREIGINGSNIVEAU_5,
      "Communicatie_Afschaling",
      Formulier.PUBLIEKSCOMMUNICATIE,
      Duration.ofMinutes(30)),
  EVALUEREN_DREIGINGSNIVEAU(
      ProcessId.DREIGINGSNIVEAU_5, "Evalueren", Formulier.EVALUATIE, Duration.ofDays(14)),

  // manhunt
  OPSCHALING_BEVESTIGEN(
      ProcessId.MANHUNT,
      "Opschaling_Bevestigen",
      Formulier.BEVESTIGING_OPSCHALING,
      Duration.ofMinutes(15)),
  ESCALATIE_OPSCHALING(
      ProcessId.MANHUNT, "Escalatie_Opschaling", Formulier.ESCALATIE, Duration.ofMinutes(15)),
  LEIDING_BEVESTIGEN(
      ProcessId.MANHUNT,
      "Leiding_Bevestigen",
      Formulier.LEIDING_EN_PUBLIEKSOPROEPEN,
      Duration.ofMinutes(15)),
  NIVEAU5_OVERWEGEN(
      ProcessId.MANHUNT,
      "Niveau5_Overwegen",
      Formulier.OVERWEGING_DREIGINGSNIVEAU,
      Duration.ofMinutes(30)),
  EVALUEREN_MANHUNT(ProcessId.MANHUNT, "Evalueren", Formulier.EVALUATIE, Duration.ofDays(14)),

  // bijstandsaanvraag
  AANVRAAG_BEOORDELEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Aanvraag_Beoordelen",
      Formulier.BEOORDELING_LOCC,
      Duration.ofMinutes(30)),
  INFORMATIE_AANVULLEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Informatie_Aanvullen",
      Formulier.AANVULLENDE_INFORMATIE,
      Duration.ofHours(1)),
  BIJSTAND_AANBIEDEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Bijstand_Aanbieden",
      Formulier.AANBOD_BIJSTAND,
      Duration.ofHours(1)),
  ESCALATIE_AANBOD(
      ProcessId.BIJSTANDSAANVRAAG,
      "Escalatie_Aanbod",
      Formulier.ESCALATIE_ONVOLDOENDE_AANBOD,
      Duration.ofMinutes(30)),
  TOEWIJZING_OPSTELLEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Toewijzing_Opstellen",
      Formulier.TOEWIJZING,
      Duration.ofMinutes(30)),
  BESLUIT_BIJSTAND(
      ProcessId.BIJSTANDSAANVRAAG,
      "Besluit_Bijstand",
      Formulier.BESLUIT_BIJSTAND,
      Duration.ofMinutes(30)),
  VERLENGING_BEOORDELEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Verlenging_Beoordelen",
      Formulier.BESLUIT_VERLENGING,
      Duration.ofHours(1)),
  KOSTEN_OPGEVEN(
      ProcessId.BIJSTANDSAANVRAAG,
      "Kosten_Opgeven",
      Formulier.KOSTENREGISTRATIE,
      Duration.ofDays(7)),
  EVALUEREN_BIJSTAND(
      ProcessId.BIJSTANDSAANVRAAG, "Evalueren", Formulier.EVALUATIE, Duration.ofDays(14));

  private final ProcessId process;
  private final String elementId;
  private final Formulier formulier;
  private final Duration sla;

  Taak(ProcessId process, String elementId, Formulier formulier, Duration sla) {
    this.process = process;
    this.elementId = elementId;
    this.formulier = formulier;
    this.sla = sla;
  }

  public ProcessId process() {
    return process;
  }

  public String elementId() {
    return elementId;
  }

  public Formulier formulier() {
    return formulier;
  }

  /** The SLA: the task's due date is its creation time plus this duration. */
  public Duration sla() {
    return sla;
  }

  public static Optional<Taak> of(String bpmnProcessId, String elementId) {
    return Arrays.stream(values())
        .filter(t -> t.process.id().equals(bpmnProcessId) && t.elementId.equals(elementId))
        .findFirst();
  }
}
