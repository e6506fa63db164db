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
    OpenTaak t = hub.taak(instantie, taak, x -> x.kandidaatGroepen().contains("regio-" + vrCode));
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

  /**
   * The communication adviser writes the national text with its three aims and, when the phase asks
   * the affected municipalities for a local message, each of them adds one.
   */
  void communicatie(long instantie, Task taak) {
    Task lokaal =
        switch (taak) {
          case COMMUNICATIE_AFKONDIGING -> Task.LOKALE_BOODSCHAP_AFKONDIGING;
          case COMMUNICATIE_AFSCHALING -> Task.LOKALE_BOODSCHAP_AFSCHALING;
          default -> null;
        };
    List<String> gemeenten = gemeenten(hub.taak(instantie, taak));
    landelijkeTekst(instantie, taak);
    if (lokaal != null) {
      for (String gemeente : gemeenten) {
        lokaleBoodschap(instantie, lokaal, gemeente, "Blijf binnen in " + gemeente);
      }
    }
  }

  /** The affected municipalities: the gezagen among the recipients. */
  @SuppressWarnings("unchecked")
  static List<String> gemeenten(OpenTaak taak) {
    return ((List<Map<String, Object>>) taak.variabele("ontvangers"))
        .stream()
            .filter(o -> "GEZAG".equals(o.get("soort")))
            .map(o -> (String) o.get("code"))
            .toList();
  }

  /** The gezag of one affected municipality adds its local message before publication. */
  OpenTaak lokaleBoodschap(long instantie, Task taak, String gemeente, String boodschap) {
    OpenTaak t = hub.taak(instantie, taak, x -> gemeente.equals(x.variabele("gemeenteCode")));
    assertThat(t.kandidaatGroepen()).containsExactly("gezag-" + gemeente);
    hub.voltooi(t, vars("boodschap", boodschap, "opgesteldDoor", "woordvoerder " + gemeente));
    return t;
  }

  /** Only the national text with its three aims. */
  void landelijkeTekst(long instantie, Task taak) {
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

  /**
   * The region {@code vrCode} records the aftercare of its responders in the open aftercare task
   * {@code taak}; the task is for that region.
   */
  OpenTaak nazorg(long instantie, Task taak, String vrCode) {
    OpenTaak t = hub.taak(instantie, taak, x -> x.kandidaatGroepen().contains("regio-" + vrCode));
    assertThat(t.kandidaatGroepen()).containsExactly("regio-" + vrCode);
    hub.voltooi(
        t,
        vars(
            "geregeld",
            "Opvanggesprek met de ingezette eenheden, bedrijfsopvangteam ingeschakeld",
            "psychosocialeOpvang",
            true,
            "nazorgDoor",
            "OvD " + vrCode));
    return t;
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
