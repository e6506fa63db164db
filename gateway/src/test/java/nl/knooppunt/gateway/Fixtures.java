package nl.knooppunt.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeliveryAttempt;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ManhuntStart;
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
          "korpschef",
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
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  public Fixtures(Projector projector, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.projector = projector;
  }

  /** Applies one event of the contract now, as {@code actor} (null: the processes). */
  public void apply(
      EventType type, String crisisId, boolean exercise, String actor, EventPayload data) {
    apply(type, crisisId, Instant.now(), exercise, actor, data);
  }

  /** Applies one event of the contract at {@code time}, as {@code actor}. */
  public void apply(
      EventType type,
      String crisisId,
      Instant time,
      boolean exercise,
      String actor,
      EventPayload data) {
    projector.apply(
        new CloudEvent<>(
            "fixture:" + UUID.randomUUID(),
            type,
            "/test",
            time,
            crisisId,
            exercise,
            actor,
            null,
            data));
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
    AssistanceStart start =
        "bijstandsaanvraag".equals(process)
            ? new AssistanceStart(
                id,
                id,
                exercise,
                new AssistanceRequest(
                    region, AssistanceRequest.Capacity.BRANDWEER, 4, null, null, null, null),
                "operator",
                null)
            : null;
    apply(
        EventType.CRISIS_GESTART,
        id,
        exercise,
        "test",
        new CrisisStarted(
            process,
            "Testcrisis " + id,
            new Area(LevelFiveArea.Kind.VEILIGHEIDSREGIO, List.of(region), region),
            List.of(region),
            null,
            "operator",
            null,
            null,
            null,
            start));
    return id;
  }

  /** A running manhunt in Utrecht (VR09), started with or without a possible terrorist motive. */
  public String manhunt(boolean possibleTerroristMotive) {
    String id =
        "MH-TEST-" + IDS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    apply(
        EventType.CRISIS_GESTART,
        id,
        false,
        "test",
        new CrisisStarted(
            "manhunt",
            "Manhunt: 24 Oktoberplein",
            new Area(LevelFiveArea.Kind.GEMEENTE, List.of("GM0344"), "gemeente Utrecht"),
            List.of("VR09"),
            null,
            "operator",
            null,
            null,
            new ManhuntStart(
                id,
                false,
                new ManhuntStart.Location("24 Oktoberplein, Utrecht", "GM0344", "VR09"),
                "2026-11-23T09:45:00Z",
                new ManhuntStart.Perpetrators(false, null, "onbekend"),
                possibleTerroristMotive,
                "operator"),
            null));
    return id;
  }

  public String crisis(String process) {
    return crisis(process, "VR09", false);
  }

  /** An open task for the given groups with the given form. */
  public String task(String crisisId, Form form, List<String> groups) {
    return task(crisisId, form, groups, null);
  }

  /** An open task, already claimed by {@code assignee} (null: unclaimed). */
  public String task(String crisisId, Form form, List<String> groups, String assignee) {
    long key = TASK_KEYS.incrementAndGet();
    apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        false,
        "test",
        new TaskCreated(
            key,
            "dreigingsniveau-5",
            "Test_" + form.formName(),
            null,
            "Testtaak " + form.formName(),
            form.key(),
            "PT1H",
            groups,
            List.of(),
            assignee,
            Instant.now().plus(Duration.ofHours(1)),
            null,
            Map.of("crisisId", crisisId, "reden", "test")));
    return String.valueOf(key);
  }

  /**
   * The open information task of one partner ({@code politie}, {@code om}) before the declaration:
   * the level decision waits for it.
   */
  public String informationTask(String crisisId, String partner) {
    long key = TASK_KEYS.incrementAndGet();
    apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        false,
        "test",
        new TaskCreated(
            key,
            "dreigingsniveau-5",
            nl.knooppunt.processes.Task.INFORMATIE_DELEN.elementId(),
            null,
            "Relevante (opsporings)informatie delen vóór afkondiging",
            Form.INFORMATIE_DELEN.key(),
            "PT1H",
            List.of(partner),
            List.of(),
            null,
            Instant.now().plus(Duration.ofHours(1)),
            null,
            Map.of(
                "crisisId",
                crisisId,
                "informatiepartner",
                partner,
                "informatiepartners",
                List.of("politie", "om"))));
    return String.valueOf(key);
  }

  /** An open task of the catalogue, created with the given process variables. */
  public String task(
      String crisisId,
      nl.knooppunt.processes.Task task,
      List<String> groups,
      Map<String, Object> variables) {
    long key = TASK_KEYS.incrementAndGet();
    Map<String, Object> context = new java.util.LinkedHashMap<>(variables);
    context.put("crisisId", crisisId);
    apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        false,
        "test",
        new TaskCreated(
            key,
            task.process().id(),
            task.elementId(),
            null,
            "Testtaak " + task.elementId(),
            task.form().key(),
            nl.knooppunt.processes.SlaTable.shipped().term(task).toString(),
            groups,
            List.of(),
            null,
            Instant.now().plus(nl.knooppunt.processes.SlaTable.shipped().term(task)),
            null,
            context));
    return String.valueOf(key);
  }

  /** The region's open task to confirm its scale-up after the GRIP advice {@code advice}. */
  public String scaleUpTask(String manhuntId, int advice) {
    long key = TASK_KEYS.incrementAndGet();
    apply(
        EventType.TAAK_AANGEMAAKT,
        manhuntId,
        false,
        "test",
        new TaskCreated(
            key,
            "manhunt",
            nl.knooppunt.processes.Task.OPSCHALING_BEVESTIGEN.elementId(),
            null,
            "Opschaling bevestigen (regio)",
            Form.BEVESTIGING_OPSCHALING.key(),
            "PT15M",
            List.of("regio-VR09"),
            List.of(),
            null,
            Instant.now().plus(Duration.ofMinutes(15)),
            "VR09",
            Map.of("crisisId", manhuntId, "gripAdvies", advice)));
    return String.valueOf(key);
  }

  /** A call task of a silent round: the duty officer calls the recipient. */
  public String callTask(String crisisId, String recipientCode, String recipientName) {
    return callTask(
        crisisId,
        Map.of(
            "crisisId",
            crisisId,
            "ontvanger",
            Map.of("code", recipientCode, "naam", recipientName, "soort", "GEZAG")));
  }

  /**
   * A call task further down a silent recipient's contact chain: the duty officer calls {@code
   * person} ({@code belContact}: naam, functie, telefoon, …) about the recipient.
   */
  public String callTask(
      String crisisId, String recipientCode, String recipientName, Map<String, Object> person) {
    return callTask(
        crisisId,
        Map.of(
            "crisisId",
            crisisId,
            "ontvanger",
            Map.of("code", recipientCode, "naam", recipientName, "soort", "GEZAG"),
            "belContact",
            person));
  }

  /** The operator's escalation once nobody of the recipient's contact chain was reached. */
  public String escalationTask(String crisisId, String recipientCode, String recipientName) {
    return informTask(
        crisisId,
        nl.knooppunt.processes.Task.NIEMAND_BEREIKT,
        "Niemand in de belketen bereikt: escaleren",
        Map.of(
            "crisisId",
            crisisId,
            "ontvanger",
            Map.of("code", recipientCode, "naam", recipientName, "soort", "GEZAG")));
  }

  private String callTask(String crisisId, Map<String, Object> variables) {
    return informTask(
        crisisId,
        nl.knooppunt.processes.Task.ONTVANGER_BELLEN,
        "Ontvanger telefonisch benaderen",
        variables);
  }

  private String informTask(
      String crisisId,
      nl.knooppunt.processes.Task task,
      String name,
      Map<String, Object> variables) {
    long key = TASK_KEYS.incrementAndGet();
    apply(
        EventType.TAAK_AANGEMAAKT,
        crisisId,
        false,
        "test",
        new TaskCreated(
            key,
            task.process().id(),
            task.elementId(),
            null,
            name,
            task.form().key(),
            "PT30M",
            List.of("landelijk-operator"),
            List.of(),
            null,
            Instant.now().plus(Duration.ofMinutes(30)),
            null,
            variables));
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
    return task(crisisId, Form.AFSTEMMING_LOKAAL_GEZAG, groups);
  }

  /**
   * An attempt of the workers to deliver a notice to one person of its recipient's chain, as the
   * event {@code melding.afleverpoging} with its own id (applied twice it is one row).
   */
  public void deliveryAttempt(
      String crisisId,
      boolean exercise,
      String notificationId,
      String recipientCode,
      int chainOrder,
      String person,
      String channel,
      String address,
      DeliveryAttempt.Status status,
      String detail) {
    projector.apply(
        new CloudEvent<>(
            DeliveryAttempt.eventId(notificationId, chainOrder, channel),
            EventType.MELDING_AFLEVERPOGING,
            "/test",
            Instant.now(),
            crisisId,
            exercise,
            null,
            null,
            new DeliveryAttempt(
                notificationId,
                crisisId,
                recipientCode,
                "Ontvanger " + notificationId,
                chainOrder,
                person,
                channel,
                address,
                true,
                status,
                detail,
                "Melding " + notificationId,
                "Tekst van de melding aan " + person,
                Instant.now(),
                null)));
  }

  /** A sent notification that asks for an acknowledgement. */
  public String notification(String crisisId, String municipalityCode, String vrCode) {
    String recipient = municipalityCode != null ? "BM-" + municipalityCode : vrCode;
    return notice(crisisId + "/afkondiging/" + recipient, crisisId, recipient);
  }

  /** The fallback notice of a recipient of the declaration (the same notice, sent again). */
  public void fallback(String crisisId, String recipientCode) {
    fallbackOf(crisisId, crisisId + "/afkondiging/" + recipientCode, recipientCode);
  }

  /** The fallback notice of a notice: the same notice, sent again over the reserve channel. */
  public void fallbackOf(String crisisId, String notificationId, String recipientCode) {
    apply(
        EventType.MELDING_FALLBACK_VERSTUURD,
        crisisId,
        false,
        null,
        notice(notificationId + "/fallback", crisisId, recipientCode, "EMAIL"));
  }

  /**
   * A notice of a declaration to one authority (its directory code, e.g. {@code
   * PC-MIDDEN-NEDERLAND}).
   */
  public String notificationTo(String crisisId, String recipientCode) {
    String id =
        crisisId
            + "/afkondiging-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "/"
            + recipientCode;
    return notice(id, crisisId, recipientCode);
  }

  private String notice(String id, String crisisId, String recipientCode) {
    apply(
        EventType.MELDING_VERSTUURD,
        crisisId,
        false,
        null,
        notice(id, crisisId, recipientCode, "PRIMAIR"));
    return id;
  }

  /** A notice as the workers send it; its recipient is named after the primary notice id. */
  public static Notice notice(String id, String crisisId, String recipientCode, String channel) {
    String primary = id.endsWith("/fallback") ? id.substring(0, id.length() - 9) : id;
    return new Notice(
        id,
        crisisId,
        recipientCode,
        "Ontvanger " + primary,
        null,
        channel,
        null,
        true,
        "AFKONDIGING",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        true);
  }
}
