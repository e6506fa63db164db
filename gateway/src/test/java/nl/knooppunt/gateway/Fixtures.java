package nl.knooppunt.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.gateway.events.EventTypes;
import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.processes.Formulier;
import nl.knooppunt.processes.events.EventType;
import org.springframework.stereotype.Component;

/** Test data, created the way production creates it: events through the projector. */
@Component
public class Fixtures {

  /** Every candidate group of the demo accounts. */
  public static final List<String> ALL_GROUPS =
      List.of(
          "landelijk-operator",
          "nctv-besluitvormer",
          "communicatieadviseur",
          "locc-officier",
          "hoofd-locc",
          "regio-VR09",
          "politie",
          "om",
          "gezag-GM0344",
          "management",
          "beheerder");

  private static final AtomicLong TASK_KEYS =
      new AtomicLong(4503599627370496L + System.nanoTime() % 1_000_000_000L);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Projector projector;
  private final ObjectMapper json;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  public Fixtures(
      Projector projector, ObjectMapper json, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.projector = projector;
    this.json = json;
  }

  private Envelope event(String type, String crisisId, ObjectNode data, boolean exercise) {
    return new Envelope(
        "fixture:" + UUID.randomUUID(),
        type,
        "test",
        Instant.now(),
        crisisId,
        "test",
        exercise,
        data);
  }

  public String crisis(String process, String region, boolean exercise) {
    String prefix =
        switch (process) {
          case "dreigingsniveau-5" -> "DN5";
          case "manhunt" -> "MH";
          default -> "BA";
        };
    String id =
        prefix
            + "-TEST-"
            + IDS.incrementAndGet()
            + "-"
            + UUID.randomUUID().toString().substring(0, 6);
    ObjectNode data = json.createObjectNode();
    data.put("process", process);
    data.put("title", "Testcrisis " + id);
    ObjectNode area = data.putObject("area");
    area.put("kind", "VEILIGHEIDSREGIO");
    area.putArray("codes").add(region);
    area.put("name", region);
    data.putArray("regions").add(region);
    data.put("startedBy", "operator");
    ObjectNode start = data.putObject("start");
    start.put("crisisId", id);
    start.put("aanvraagId", id);
    start
        .putObject("aanvraag")
        .put("aanvragendeRegio", region)
        .put("capaciteit", "BRANDWEER")
        .put("aantal", 4);
    projector.apply(event(EventType.CRISIS_GESTART.type(), id, data, exercise));
    return id;
  }

  public String crisis(String process) {
    return crisis(process, "VR09", false);
  }

  /** An open task for the given groups with the given form. */
  public String task(String crisisId, Formulier form, List<String> groups) {
    return task(crisisId, form, groups, null);
  }

  /** An open task, already claimed by {@code assignee} (null: unclaimed). */
  public String task(String crisisId, Formulier form, List<String> groups, String assignee) {
    long key = TASK_KEYS.incrementAndGet();
    ObjectNode data = json.createObjectNode();
    data.put("taskKey", String.valueOf(key));
    data.put("crisisId", crisisId);
    data.put("process", "dreigingsniveau-5");
    data.put("elementId", "Test_" + form.naam());
    data.put("name", "Testtaak " + form.naam());
    data.put("formKey", form.key());
    data.put("sla", "PT1H");
    data.put("dueAt", Instant.now().plus(Duration.ofHours(1)).toString());
    groups.forEach(data.putArray("candidateGroups")::add);
    data.putArray("candidateUsers");
    if (assignee != null) {
      data.put("assignee", assignee);
    }
    data.putObject("variables").put("crisisId", crisisId).put("reden", "test");
    projector.apply(event(EventType.TAAK_AANGEMAAKT.type(), crisisId, data, false));
    return String.valueOf(key);
  }

  /** A call task of a silent round: the duty officer calls the recipient. */
  public String callTask(String crisisId, String recipientCode, String recipientName) {
    long key = TASK_KEYS.incrementAndGet();
    ObjectNode data = json.createObjectNode();
    data.put("taskKey", String.valueOf(key));
    data.put("crisisId", crisisId);
    data.put("process", "informeer-gezagen");
    data.put("elementId", "Ontvanger_Bellen");
    data.put("name", "Ontvanger telefonisch benaderen");
    data.put("formKey", Formulier.TELEFONISCH_BENADEREN.key());
    data.put("sla", "PT30M");
    data.put("dueAt", Instant.now().plus(Duration.ofMinutes(30)).toString());
    data.putArray("candidateGroups").add("landelijk-operator");
    data.putArray("candidateUsers");
    ObjectNode variables = data.putObject("variables").put("crisisId", crisisId);
    variables
        .putObject("ontvanger")
        .put("code", recipientCode)
        .put("naam", recipientName)
        .put("soort", "GEZAG");
    projector.apply(event(EventType.TAAK_AANGEMAAKT.type(), crisisId, data, false));
    return String.valueOf(key);
  }

  /** Records which process instance runs the crisis (as its start event does). */
  public void processInstance(String crisisId, long processInstanceKey) {
    jdbc.update(
        "update crisis set process_instance_key = ? where crisis_id = ?",
        processInstanceKey,
        crisisId);
  }

  public String task(String crisisId, List<String> groups) {
    return task(crisisId, Formulier.AFSTEMMING_LOKAAL_GEZAG, groups);
  }

  /** A sent notification that asks for an acknowledgement. */
  public String notification(String crisisId, String municipalityCode, String vrCode) {
    String recipient = municipalityCode != null ? "BM-" + municipalityCode : vrCode;
    return notice(
        crisisId + "/afkondiging/" + recipient, crisisId, recipient, municipalityCode, vrCode);
  }

  /** The fallback notice of a recipient of the declaration (the same notice, sent again). */
  public void fallback(String crisisId, String recipientCode) {
    ObjectNode data = json.createObjectNode();
    data.put("notificatieId", crisisId + "/afkondiging/" + recipientCode + "/fallback");
    data.put("ontvanger", recipientCode);
    data.put("kanaal", "EMAIL");
    projector.apply(event(EventType.MELDING_FALLBACK_VERSTUURD.type(), crisisId, data, false));
  }

  /**
   * A notice of a declaration to one authority (its directory code, e.g. {@code
   * PC-MIDDEN-NEDERLAND}).
   */
  public String notificationTo(
      String crisisId, String recipientCode, String municipalityCode, String vrCode) {
    String id =
        crisisId
            + "/afkondiging-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "/"
            + recipientCode;
    return notice(id, crisisId, recipientCode, municipalityCode, vrCode);
  }

  private String notice(
      String id, String crisisId, String recipientCode, String municipalityCode, String vrCode) {
    ObjectNode data = json.createObjectNode();
    data.put("notificationId", id);
    data.put("crisisId", crisisId);
    data.put("recipientCode", recipientCode);
    data.put("recipientName", "Ontvanger " + id);
    if (municipalityCode != null) {
      data.put("municipalityCode", municipalityCode);
    }
    data.put("vrCode", vrCode);
    data.put("kind", "AFKONDIGING");
    data.put("channel", "PRIMAIR");
    data.put("round", 1);
    data.put("requiresAck", true);
    projector.apply(event(EventTypes.MELDING_VERSTUURD, crisisId, data, false));
    return id;
  }
}
