package nl.knooppunt.processes.scenario;

import static nl.knooppunt.processes.scenario.Knooppunt.in;
import static nl.knooppunt.processes.scenario.Knooppunt.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * informeer-gezagen: send every notice and report the round sent, then wait for acknowledgements,
 * fallback, and the calls along the recipient's contact chain (holder, stand-in, officer on duty),
 * then the operator's escalation.
 */
class InformeerGezagenIT {

  @TempDir static Path dir;
  static Knooppunt hub;

  @BeforeAll
  static void start() {
    hub = Knooppunt.start(dir);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @AfterEach
  void opruimen() {
    hub.opruimen();
  }

  private long informeer(String referentie, String... codes) {
    List<Map<String, Object>> ontvangers =
        java.util.Arrays.stream(codes).map(c -> Standaard.ontvanger(c, "GEZAG")).toList();
    return hub.start(
        ProcessId.INFORMEER_GEZAGEN,
        vars(
            "crisisId",
            referentie,
            "exercise",
            true,
            "ontvangers",
            ontvangers,
            "bericht",
            vars("soort", "AFKONDIGING", "onderwerp", "Test", "tekst", "Test"),
            "referentie",
            referentie,
            "slaBevestiging",
            "PT15M"));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> bevestigingen(long instantie) {
    return (List<Map<String, Object>>)
        hub.job(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(instantie)).variabele("bevestigingen");
  }

  private Knooppunt.Afgehandeld rondeVerstuurd(long instantie) {
    return hub.job(JobType.MELDING_RONDE_VERSTUURD, in(instantie));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> verzendingen(Knooppunt.Afgehandeld ronde) {
    return (List<Map<String, Object>>) ronde.variabele("verzendingen");
  }

  private static Map<String, Object> van(List<Map<String, Object>> lijst, String code) {
    return lijst.stream().filter(b -> code.equals(b.get("ontvanger"))).findFirst().orElseThrow();
  }

  @Test
  void allGezagenAcknowledgeAndTheRoundReturnsWhoAcknowledged() {
    long i = informeer("IG-1", "GM0344", "GM0307", "VR09");

    List<Map<String, Object>> result = bevestigingen(i);

    assertThat(result).hasSize(3);
    assertThat(result).allSatisfy(b -> assertThat(b).containsEntry("status", "BEVESTIGD"));
    assertThat(result).allSatisfy(b -> assertThat(b).containsEntry("route", "KANAAL"));
    assertThat(van(result, "GM0307")).containsEntry("notificatieId", "IG-1/GM0307");
    assertThat(hub.jobs(JobType.MELDING_VERSTUREN, in(i)))
        .allSatisfy(j -> assertThat(j.variabele("exercise")).isEqualTo(true));
    var ronde = rondeVerstuurd(i);
    assertThat(ronde.variabele("referentie")).isEqualTo("IG-1");
    assertThat(verzendingen(ronde))
        .hasSize(3)
        .allSatisfy(v -> assertThat(v).containsEntry("bereikbaar", true));
    assertThat(hub.jobs(JobType.MELDING_VERSTUREN, in(i)))
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(ronde.volgnummer()));
    hub.afgesloten(i);
  }

  @Test
  void aSilentGezagGetsItsFallbackContactAndThenACallFromTheDutyOfficer() {
    hub.zwijgend.add("GM0307");
    long i = informeer("IG-2", "GM0344", "GM0307");
    hub.jobs(JobType.MELDING_VERSTUREN, 2, in(i)); // both notices are out
    rondeVerstuurd(i); // and the round reported sent: the SLA clocks run from here

    hub.verzet(Duration.ofMinutes(16));
    var fallback = hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(i));
    assertThat(fallback.variabele("notificatieId")).isEqualTo("IG-2/GM0307");
    hub.verzet(Duration.ofMinutes(16));
    var bellen = hub.taakErgens(Task.ONTVANGER_BELLEN, t -> t.procesInstantie() == i);
    assertThat(bellen.kandidaatGroepen()).containsExactly("landelijk-operator");
    assertThat(belContact(bellen))
        .containsEntry("ontvanger", "GM0307")
        .containsEntry("volgorde", 1)
        .containsEntry("positie", "HOUDER");
    hub.voltooi(
        bellen,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "burgemeester",
            "gesprokenOp",
            hub.nu().toString(),
            "toelichting",
            "telefonisch bevestigd"));

    List<Map<String, Object>> result = bevestigingen(i);
    assertThat(van(result, "GM0344")).containsEntry("route", "KANAAL");
    assertThat(van(result, "GM0307"))
        .containsEntry("status", "TELEFONISCH_BEVESTIGD")
        .containsEntry("route", "TELEFOON");
    hub.afgesloten(i);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> belContact(Knooppunt.OpenTaak taak) {
    return (Map<String, Object>) taak.variabele("belContact");
  }

  /** The open call task of this instance about the chain's {@code volgorde}-th person. */
  private Knooppunt.OpenTaak beltaak(long instantie, int volgorde) {
    return hub.taakErgens(
        Task.ONTVANGER_BELLEN,
        t ->
            t.procesInstantie() == instantie
                && belContact(t) != null
                && ((Number) belContact(t).get("volgorde")).intValue() == volgorde);
  }

  private void nietBereikt(Knooppunt.OpenTaak beltaak) {
    hub.voltooi(
        beltaak,
        vars("bereikt", false, "gesprokenOp", hub.nu().toString(), "toelichting", "geen gehoor"));
  }

  /** Notices out, nobody acknowledges, fallback contact silent too: the first call is due. */
  private long stilTotDeEersteBeltaak(String referentie, String code) {
    hub.zwijgend.add(code);
    long i = informeer(referentie, code);
    hub.job(JobType.MELDING_VERSTUREN, in(i));
    rondeVerstuurd(i);
    hub.verzet(Duration.ofMinutes(16));
    hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(i));
    hub.verzet(Duration.ofMinutes(16));
    return i;
  }

  @Test
  void
      theMayorDoesNotPickUpSoTheDeputyIsCalledThenTheRegionsOfficerOnDutyThenTheOperatorEscalates() {
    long i = stilTotDeEersteBeltaak("IG-6", "GM0344");

    // de burgemeester van Utrecht neemt niet op
    var burgemeester = beltaak(i, 1);
    assertThat(belContact(burgemeester))
        .containsEntry("positie", "HOUDER")
        .containsEntry("telefoon", Standaard.nummer(1));
    assertThat(burgemeester.kandidaatGroepen()).containsExactly("landelijk-operator");
    nietBereikt(burgemeester);

    // de plaatsvervanger wordt gebeld, ook zonder gehoor
    var plaatsvervanger = beltaak(i, 2);
    assertThat(belContact(plaatsvervanger))
        .containsEntry("positie", "PLAATSVERVANGER")
        .containsEntry("telefoon", Standaard.nummer(2));
    nietBereikt(plaatsvervanger);

    // de officier van dienst van de regio wordt gebeld, ook zonder gehoor
    var officier = beltaak(i, 3);
    assertThat(belContact(officier))
        .containsEntry("positie", "OFFICIER_VAN_DIENST")
        .containsEntry("telefoon", Standaard.nummer(3));
    assertThat(hub.openTaken(i, Task.NIEMAND_BEREIKT)).isEmpty();
    nietBereikt(officier);

    // de keten is op: de operator krijgt de escalatie, met wie het betreft
    var escalatie = hub.taak(i, Task.NIEMAND_BEREIKT);
    assertThat(escalatie.kandidaatGroepen()).containsExactly("landelijk-operator");
    assertThat(((Map<?, ?>) escalatie.variabele("ontvanger")).get("code")).isEqualTo("GM0344");
    assertThat(hub.jobs(JobType.MELDING_BELCONTACT_BEPALEN, in(i))).hasSize(4);
    hub.voltooi(
        escalatie,
        vars(
            "ondernomenActie",
            "Politie gevraagd de burgemeester thuis te informeren",
            "toelichting",
            "ketennummers zonder gehoor"));

    assertThat(van(bevestigingen(i), "GM0344"))
        .containsEntry("status", "NIET_BEREIKT")
        .containsEntry("route", "TELEFOON")
        .containsEntry(
            "toelichting",
            "Politie gevraagd de burgemeester thuis te informeren (ketennummers zonder gehoor)");
    assertThat(hub.alleTaken(Task.ONTVANGER_BELLEN).stream().filter(t -> t.procesInstantie() == i))
        .hasSize(3);
    hub.afgesloten(i);
  }

  @Test
  void theDeputyPicksUpAndTheRoundRecordsTheCallWithoutAnEscalation() {
    long i = stilTotDeEersteBeltaak("IG-7", "GM0344");

    nietBereikt(beltaak(i, 1));
    var plaatsvervanger = beltaak(i, 2);
    hub.voltooi(
        plaatsvervanger,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "loco-burgemeester",
            "gesprokenOp",
            hub.nu().toString()));

    assertThat(van(bevestigingen(i), "GM0344"))
        .containsEntry("status", "TELEFONISCH_BEVESTIGD")
        .containsEntry("route", "TELEFOON")
        .containsEntry("bevestigdDoor", "loco-burgemeester");
    assertThat(hub.alleTaken(Task.NIEMAND_BEREIKT).stream().filter(t -> t.procesInstantie() == i))
        .isEmpty();
    assertThat(hub.jobs(JobType.MELDING_BELCONTACT_BEPALEN, in(i))).hasSize(2);
    hub.afgesloten(i);
  }

  @Test
  void aLateAcknowledgementDuringTheOperatorsEscalationClosesIt() {
    long i = stilTotDeEersteBeltaak("IG-8", "VR09");
    nietBereikt(beltaak(i, 1));
    nietBereikt(beltaak(i, 2));
    nietBereikt(beltaak(i, 3));
    var escalatie = hub.taak(i, Task.NIEMAND_BEREIKT);

    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        "IG-8/VR09",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "piket VR09"));

    assertThat(van(bevestigingen(i), "VR09"))
        .containsEntry("status", "BEVESTIGD")
        .containsEntry("route", "NA_ESCALATIE");
    assertThat(hub.isOpen(escalatie)).isFalse();
    hub.afgesloten(i);
  }

  @Test
  void aLateAcknowledgementAfterTheEscalationIsStillRecorded() {
    hub.zwijgend.add("GM0344");
    long i = informeer("IG-3", "GM0344");
    hub.job(JobType.MELDING_VERSTUREN, in(i));
    rondeVerstuurd(i);

    hub.verzet(Duration.ofMinutes(16));
    hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(i));
    hub.verzet(Duration.ofMinutes(16));
    var bellen = hub.taakErgens(Task.ONTVANGER_BELLEN, t -> t.procesInstantie() == i);
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        "IG-3/GM0344",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "burgemeester"));

    List<Map<String, Object>> result = bevestigingen(i);
    assertThat(van(result, "GM0344"))
        .containsEntry("status", "BEVESTIGD")
        .containsEntry("route", "NA_ESCALATIE")
        .containsEntry("bevestigdDoor", "burgemeester");
    assertThat(hub.isOpen(bellen)).isFalse();
    hub.afgesloten(i);
  }

  @Test
  void anUnreachableChannelGoesStraightToTheFallbackContact() {
    hub.bij(
        JobType.MELDING_VERSTUREN,
        job -> Knooppunt.Uitkomst.fout(ErrorCode.ONTVANGER_ONBEREIKBAAR));
    long i = informeer("IG-4", "VR09");

    var ronde = rondeVerstuurd(i);
    assertThat(verzendingen(ronde))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v)
                    .containsEntry("bereikbaar", false)
                    .containsEntry("notificatieId", "IG-4/VR09"));
    var fallback = hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(i));
    assertThat(fallback.volgnummer()).isGreaterThan(ronde.volgnummer());
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        (String) fallback.variabele("notificatieId"),
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "piket VR09"));

    assertThat(van(bevestigingen(i), "VR09")).containsEntry("route", "FALLBACK");
    hub.afgesloten(i);
  }

  @Test
  void theRoundIsReportedSentOnceEveryNoticeIsOutWhileTheAcknowledgementsAreStillAwaited() {
    hub.zwijgend.add("GM0344");
    hub.zwijgend.add("GM0307");
    long i = informeer("IG-5", "GM0344", "GM0307");

    var ronde = rondeVerstuurd(i);
    assertThat(hub.jobs(JobType.MELDING_VERSTUREN, in(i)))
        .hasSize(2)
        .allSatisfy(j -> assertThat(j.volgnummer()).isLessThan(ronde.volgnummer()));
    assertThat(ronde.variabele("exercise")).isEqualTo(true);
    // nobody acknowledged yet and no SLA has passed: the round itself still waits
    assertThat(hub.jobs(JobType.MELDING_RESULTAAT_VASTLEGGEN, in(i))).isEmpty();
    assertThat(hub.jobs(JobType.MELDING_FALLBACK_VERSTUREN, in(i))).isEmpty();

    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        "IG-5/GM0344",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "burgemeester"));
    hub.verzet(Duration.ofMinutes(16));
    var fallback = hub.job(JobType.MELDING_FALLBACK_VERSTUREN, in(i));
    assertThat(fallback.variabele("notificatieId")).isEqualTo("IG-5/GM0307");
    hub.publiceer(
        MessageName.MELDING_BEVESTIGD,
        "IG-5/GM0307",
        vars("bevestigdOp", hub.nu().toString(), "bevestigdDoor", "loco-burgemeester"));

    List<Map<String, Object>> result = bevestigingen(i);
    assertThat(van(result, "GM0344")).containsEntry("route", "KANAAL");
    assertThat(van(result, "GM0307")).containsEntry("route", "FALLBACK");
    assertThat(hub.jobs(JobType.MELDING_RONDE_VERSTUURD, in(i))).hasSize(1);
    hub.afgesloten(i);
  }
}
