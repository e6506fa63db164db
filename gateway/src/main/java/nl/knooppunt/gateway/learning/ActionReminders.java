package nl.knooppunt.gateway.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ImprovementActionReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the owner of an open improvement action of its due date (issue #16): {@link #DAYS_BEFORE}
 * days before ({@code VOORAF}) and on the day itself ({@code VANDAAG}). A reminder is the event
 * {@code verbeteractie.herinnering}: in the logbook, on Kafka, and in the read model, where the
 * owner's inbox shows it on the action. Its id is made of the action and the kind, so the read
 * model's processed events are the claim: two replicas checking at once, or one after a restart,
 * send it once (docs/adr/0044).
 */
@Component
public class ActionReminders {

  private static final Logger log = LoggerFactory.getLogger(ActionReminders.class);

  /** How many days before the due date the owner is reminded. */
  public static final int DAYS_BEFORE = 3;

  private final JdbcTemplate jdbc;
  private final OutboxPublisher publisher;
  private final boolean enabled;

  public ActionReminders(
      JdbcTemplate jdbc,
      OutboxPublisher publisher,
      @Value("${knooppunt.learning.reminders:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.enabled = enabled;
  }

  @Scheduled(
      fixedDelayString = "${knooppunt.learning.reminder-check:PT5M}",
      initialDelayString = "PT30S")
  void check() {
    if (!enabled) {
      return;
    }
    try {
      remind(LocalDate.now(ActionInbox.ZONE));
    } catch (RuntimeException e) {
      log.warn("Herinneringen bij verbeteracties niet verstuurd: {}", e.getMessage());
    }
  }

  record Due(String actionId, String crisisId, boolean exercise, String owner, LocalDate due) {}

  /**
   * Sends the reminders due on this day that were not sent before; returns how many actions were
   * due a reminder (sent now or before: the claim decides).
   */
  public int remind(LocalDate today) {
    List<Due> due =
        jdbc.query(
            "select action_id, crisis_id, exercise, owner, due_date from improvement_action"
                + " where status in ('OPEN', 'IN_UITVOERING') and due_date between ? and ?"
                + " and (reminder is null or (reminder <> 'VANDAAG' and due_date = ?))",
            (rs, i) ->
                new Due(
                    rs.getString("action_id"),
                    rs.getString("crisis_id"),
                    rs.getBoolean("exercise"),
                    rs.getString("owner"),
                    rs.getObject("due_date", LocalDate.class)),
            java.sql.Date.valueOf(today),
            java.sql.Date.valueOf(today.plusDays(DAYS_BEFORE)),
            java.sql.Date.valueOf(today));
    for (Due d : due) {
      String kind =
          d.due().equals(today)
              ? ImprovementActionReminder.DUE_TODAY
              : ImprovementActionReminder.BEFORE;
      publisher.publish(
          CloudEvent.of(
              "verbeteractie-herinnering/" + d.actionId() + "/" + kind,
              EventType.VERBETERACTIE_HERINNERING,
              Sources.GATEWAY,
              Instant.now(),
              d.crisisId(),
              d.exercise(),
              new ImprovementActionReminder(d.actionId(), kind, d.owner(), d.due().toString())));
    }
    return due.size();
  }
}
