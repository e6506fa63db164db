package nl.knooppunt.processes.scenario;

import static nl.knooppunt.processes.scenario.Knooppunt.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.scenario.Knooppunt.OpenTaak;

/** The steps people take in the inbox, as the forms would submit them. */
final class Stappen {

  static final String OPERATOR = "operator-jansen";
  static final String NCTV = "nctv-de-vries";
  static final String NCTV_2 = "nctv-bakker";

  /** The head of the NCTV / DG: a third NCTV person, for a proposal an NCTV decider made. */
  static final String DG = "dg-nctv-smit";

  private final Knooppunt hub;

  Stappen(Knooppunt hub) {
    this.hub = hub;
  }

  static Map<String, Object> provincieUtrecht() {
    return vars("soort", "PROVINCIE", "codes", List.of("PV26"), "naam", "provincie Utrecht");
  }

  Map<String, Object> voorstel(String crisisId, Map<String, Object> gebied) {
    return vars(
        "crisisId",
        crisisId,
        "exercise",
        false,
        "gebied",
        gebied,
        "reden",
        "Aanslag in tram, dader voortvluchtig, vervolgdreiging niet uit te sluiten",
        "voorgesteldDoor",
        OPERATOR,
        "voorgesteldEinde",
        hub.nu().plus(Duration.ofHours(6)).toString(),
        "gekoppeldeManhuntId",
        null);
  }

  /** Police and OM each share their own information in their own task. */
  void informatieDelen(long instantie, Task taak) {
    informatieDelen(instantie, taak, "politie");
    informatieDelen(instantie, taak, "om");
  }

  /** One partner ({@code politie}, {@code om}) shares its information in its own task. */
  OpenTaak informatieDelen(long instantie, Task taak, String partner) {
    OpenTaak t = informatieTaak(instantie, taak, partner);
    hub.voltooi(
        t,
        vars(
            "samenvatting", "Dader voortvluchtig; mogelijke handlangers in beeld",
            "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
            "opsporingsbelang", "Geen signalement naar buiten voor 15:00",
            "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK",
            "gedeeldDoor",
                "om".equals(partner) ? "OvJ Midden-Nederland" : "Politie Midden-Nederland"));
    return t;
  }

  /** The information task of one partner: only that partner's group may pick it up. */
  OpenTaak informatieTaak(long instantie, Task taak, String partner) {
    OpenTaak t = hub.taak(instantie, taak, x -> partner.equals(x.variabele("informatiepartner")));
    assertThat(t.kandidaatGroepen()).containsExactly(partner);
    return t;
  }

  void afstemmen(long instantie, String vrCode) {
    afstemmen(instantie, Task.AFSTEMMEN_LOKAAL_GEZAG, vrCode);
  }

  /**
   * Police/OM share current information and region Utrecht aligns with its gezag: before extending
   * ({@link Task#INFORMATIE_HERBEOORDELING}) or before lowering ({@link
   * Task#INFORMATIE_AFSCHALING}).
   */
  void gehoord(long instantie, Task informatie, Task afstemming) {
    informatieDelen(instantie, informatie);
    afstemmen(instantie, afstemming, "VR09");
  }

  /**
   * The review two hours before the end: police/OM share, region Utrecht aligns, the NCTV decides
   * with this outcome (a new end time only when extending).
   */
  void herbeoordeeld(long instantie, String uitkomst, String nieuweEindtijd, String motivering) {
    gehoord(instantie, Task.INFORMATIE_HERBEOORDELING, Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
    hub.voltooi(
        hub.taak(instantie, Task.HERBEOORDELEN),
        vars(
            "uitkomst",
            uitkomst,
            "nieuweEindtijd",
            nieuweEindtijd,
            "motivering",
            motivering,
            "beslisser",
            NCTV));
  }

  void afstemmen(long instantie, Task taak, String vrCode) {
    OpenTaak t = hub.taak(instantie, taak, x -> vrCode.equals(x.variabele("vrCode")));
    assertThat(t.kandidaatGroepen()).containsExactly("regio-" + vrCode);
    hub.voltooi(
        t,
        vars(
            "standpuntGezag", "STEUNT",
            "maatregelen", "Binnenblijfadvies binnenstad",
            "toelichting", "Burgemeester akkoord"));
  }

  OpenTaak besluit(long instantie, String beslisser, String uitkomst, String eindtijd) {
    OpenTaak t = hub.taak(instantie, Task.BESLUIT_AFKONDIGING);
    assertThat(t.kandidaatGroepen()).containsExactly("nctv-besluitvormer");
    hub.voltooi(
        t,
        vars(
            "uitkomst", uitkomst,
            "eindtijd", eindtijd,
            "motivering", "Concrete aanwijzingen voor vervolgaanslag",
            "beslisser", beslisser));
    return t;
  }

  /** A second NCTV decider ({@code wie}) approves the level decision waiting in {@code taak}. */
  OpenTaak medeondertekenen(long instantie, Task taak, String wie) {
    return medeondertekenen(instantie, taak, wie, "GOEDGEKEURD", null);
  }

  OpenTaak medeondertekenen(
      long instantie, Task taak, String wie, String goedkeuring, String toelichting) {
    OpenTaak t = hub.taak(instantie, taak);
    assertThat(t.kandidaatGroepen()).containsExactly("nctv-besluitvormer");
    hub.voltooi(
        t, vars("goedkeuring", goedkeuring, "toelichting", toelichting, "medeondertekenaar", wie));
    return t;
  }

  void communicatie(long instantie, Task taak) {
    OpenTaak t = hub.taak(instantie, taak);
    assertThat(t.kandidaatGroepen()).containsExactly("communicatieadviseur");
    hub.voltooi(
        t,
        vars(
            "informeren", "Voor de provincie Utrecht geldt dreigingsniveau 5",
            "handelingsperspectief", "Volg de aanwijzingen van de lokale autoriteiten",
            "duiding", "De dreiging is acuut; de overheid doet er alles aan de dader te vinden",
            "kanalen", List.of("PERSBERICHT", "NL_ALERT")));
  }

  void evalueren(long instantie, Task taak) {
    OpenTaak t = hub.taak(instantie, taak);
    hub.voltooi(
        t,
        vars(
            "watGingGoed",
            "Snelle afstemming met lokaal gezag",
            "verbeterpunten",
            List.of("Eerder opsporingsinformatie delen"),
            "acties",
            List.of(vars("actie", "Oefening plannen", "eigenaar", "NCC", "gereedOp", "2026-06-01")),
            "delenMetRegios",
            true,
            "evaluatieDoor",
            OPERATOR));
  }

  /** Declares level 5 for the province of Utrecht and waits until it is in force. */
  long afgekondigd(String crisisId, Map<String, Object> gebied, String eindtijd) {
    long i =
        hub.start(nl.knooppunt.processes.ProcessId.DREIGINGSNIVEAU_5, voorstel(crisisId, gebied));
    return afkondigen(i, eindtijd);
  }

  long afkondigen(long i, String eindtijd) {
    informatieDelen(i, Task.INFORMATIE_DELEN);
    afstemmen(i, "VR09");
    besluit(i, NCTV, "AFKONDIGEN", eindtijd);
    // the second decider co-signs, or the DG when that decider proposed (a manhunt's level 5)
    boolean voorgesteldDoorNctv2 =
        NCTV_2.equals(hub.taak(i, Task.MEDEONDERTEKENEN_AFKONDIGING).variabele("voorgesteldDoor"));
    medeondertekenen(i, Task.MEDEONDERTEKENEN_AFKONDIGING, voorgesteldDoorNctv2 ? DG : NCTV_2);
    String crisisId = (String) hub.taak(i, Task.COMMUNICATIE_AFKONDIGING).variabele("crisisId");
    communicatie(i, Task.COMMUNICATIE_AFKONDIGING);
    rondeVerstuurd(crisisId + "/afkondiging");
    return i;
  }

  /**
   * Waits until informeer-gezagen reported this round sent (phase 2 is waiting from then on), so a
   * test may move the clock.
   */
  Knooppunt.Afgehandeld rondeVerstuurd(String referentie) {
    return hub.job(
        nl.knooppunt.processes.JobType.MELDING_RONDE_VERSTUURD,
        j -> referentie.equals(j.variabele("referentie")));
  }
}
