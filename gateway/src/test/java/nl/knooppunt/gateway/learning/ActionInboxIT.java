package nl.knooppunt.gateway.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ImprovementActionRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Improvement actions followed to the end in the owner's inbox (issue #16): an open action of a
 * role or region is on {@code /taken} of who works there until it is done or dropped; its owner is
 * reminded before the due date once, whatever restarts or replicas.
 */
class ActionInboxIT extends GatewayITBase {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

  @Autowired OutboxPublisher publisher;

  private String action(String crisis, String id, String text, String owner, LocalDate due) {
    String actionId = crisis + "-VA-" + id;
    fixtures.apply(
        EventType.VERBETERACTIE_VASTGELEGD,
        crisis,
        false,
        "operator",
        new ImprovementActionRecorded(
            actionId,
            text,
            owner,
            due.toString(),
            "De burgemeester was een uur onbereikbaar",
            "Houd de contactlijst actueel",
            "AFSTEMMING_LOKAAL_GEZAG",
            List.of(),
            false));
    return actionId;
  }

  private int reminders(String actionId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from logbook where type = ? and data::jsonb ->> 'actionId' = ?",
            Integer.class,
            EventType.VERBETERACTIE_HERINNERING.type(),
            actionId);
    return n == null ? 0 : n;
  }

  @Test
  void anActionOfUtrechtDueInTwoDaysIsRemindedToUtrechtOnceEvenAfterARestartAndLeavesWhenDone() {
    String crisis = fixtures.crisis("manhunt", "VR09", false);
    String actionId =
        action(
            crisis,
            "herinnering",
            "Contactlijst burgemeesters Utrecht bijwerken",
            "Veiligheidsregio Utrecht",
            TODAY.plusDays(2));

    PageClient utrecht = PageClient.login(port, "regio-utrecht");
    Page inbox = utrecht.get("/taken");
    assertThat(inbox.body())
        .contains("id=\"mijn-verbeteracties\"")
        .contains("Contactlijst burgemeesters Utrecht bijwerken")
        .doesNotContain("Herinnering: nog 2 dagen");
    // another region's inbox does not carry it
    assertThat(PageClient.login(port, "regio-amsterdam").get("/taken").body())
        .doesNotContain("Contactlijst burgemeesters Utrecht bijwerken");

    // two replicas check at once, then one after a restart (a new instance, nothing in memory)
    ActionReminders replicaA = new ActionReminders(jdbc, publisher, true);
    ActionReminders replicaB = new ActionReminders(jdbc, publisher, true);
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> replicaA.remind(TODAY)),
            CompletableFuture.runAsync(() -> replicaB.remind(TODAY)))
        .join();
    new ActionReminders(jdbc, publisher, true).remind(TODAY);
    assertThat(reminders(actionId)).isEqualTo(1);
    assertThat(utrecht.get("/taken").body()).contains("Herinnering: nog 2 dagen");

    // on the day itself, still open: reminded once more, once
    new ActionReminders(jdbc, publisher, true).remind(TODAY.plusDays(2));
    new ActionReminders(jdbc, publisher, true).remind(TODAY.plusDays(2));
    assertThat(reminders(actionId)).isEqualTo(2);

    // the owner opens it from the inbox and marks it done: it leaves the inbox and the open list
    Page page = utrecht.get("/verbeteracties/" + actionId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Houd de contactlijst actueel").contains("id=\"afronden\"");
    Page done =
        utrecht.post(
            "/verbeteracties/" + actionId + "/afgerond",
            "toelichting",
            "Lijst gecontroleerd en aangevuld");
    assertThat(done.status()).isEqualTo(302);
    assertThat(utrecht.get("/verbeteracties/" + actionId).body())
        .contains("id=\"stand-afgerond\"")
        .contains("Lijst gecontroleerd en aangevuld");
    assertThat(utrecht.get("/taken").body())
        .doesNotContain("Contactlijst burgemeesters Utrecht bijwerken");
    assertThat(PageClient.login(port, "operator").get("/verbeteracties").body())
        .doesNotContain("Contactlijst burgemeesters Utrecht bijwerken");

    // done: no reminder any more
    new ActionReminders(jdbc, publisher, true).remind(TODAY.plusDays(2));
    assertThat(reminders(actionId)).isEqualTo(2);
  }

  @Test
  void anOverdueActionOfTheNctvIsInTheDecidersInboxAndOnTheDashboardUntilDroppedWithAReason() {
    String crisis = fixtures.crisis("dreigingsniveau-5", "VR13", false);
    String actionId =
        action(
            crisis, "nctv", "Besluitvormingsprotocol niveau 5 herzien", "NCTV", TODAY.minusDays(1));

    PageClient nctv = PageClient.login(port, "nctv");
    assertThat(nctv.get("/taken").body())
        .contains("Besluitvormingsprotocol niveau 5 herzien")
        .contains("te laat");
    assertThat(PageClient.login(port, "operator").get("/dashboard").body())
        .contains("Besluitvormingsprotocol niveau 5 herzien");
    // a region neither sees it in its inbox nor may open it
    PageClient utrecht = PageClient.login(port, "regio-utrecht");
    assertThat(utrecht.get("/taken").body())
        .doesNotContain("Besluitvormingsprotocol niveau 5 herzien");
    assertThat(utrecht.get("/verbeteracties/" + actionId).status()).isEqualTo(404);
    assertThat(utrecht.post("/verbeteracties/" + actionId + "/afgerond").status()).isEqualTo(404);

    // dropping needs a reason; with one it leaves the inbox and the dashboard
    nctv.post("/verbeteracties/" + actionId + "/stand", "stand", "VERVALLEN");
    assertThat(nctv.get("/verbeteracties/" + actionId).body())
        .contains("Geef de reden waarom de actie vervalt.");
    nctv.post(
        "/verbeteracties/" + actionId + "/stand",
        "stand",
        "VERVALLEN",
        "reden",
        "Opgenomen in het nieuwe landelijke draaiboek");
    assertThat(nctv.get("/taken").body())
        .doesNotContain("Besluitvormingsprotocol niveau 5 herzien");
    assertThat(PageClient.login(port, "operator").get("/dashboard").body())
        .doesNotContain("Besluitvormingsprotocol niveau 5 herzien");
  }
}
