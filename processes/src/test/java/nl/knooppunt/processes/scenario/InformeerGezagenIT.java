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
 * fallback, call task.
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
    hub.voltooi(
        bellen,
        vars(
            "bereikt",
            true,
            "gesprokenMet",
            "loco-burgemeester",
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
