package nl.knooppunt.gateway.learning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.processes.events.ImprovementActionReminder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open improvement actions in their owner's inbox ({@code /taken}, issue #16): open or in
 * progress, of the owner's role or region ({@link ActionOwners}), until done or dropped; with the
 * reminder once it was sent ({@link ActionReminders}).
 */
@Component
public class ActionInbox {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final JdbcTemplate jdbc;
  private final ActionOwners owners;

  ActionInbox(JdbcTemplate jdbc, ActionOwners owners) {
    this.jdbc = jdbc;
    this.owners = owners;
  }

  /** One open action in the owner's inbox. */
  public record OwnedAction(
      String actionId,
      String crisisId,
      String crisisTitle,
      boolean exercise,
      String text,
      String owner,
      LocalDate dueDate,
      String status,
      String reminder,
      long daysLeft) {

    public boolean overdue() {
      return daysLeft < 0;
    }

    public boolean inProgress() {
      return "IN_UITVOERING".equals(status);
    }

    /** The reminder in words, or null when none was sent (yet). */
    public String reminderText() {
      if (reminder == null || overdue()) {
        return null;
      }
      if (ImprovementActionReminder.DUE_TODAY.equals(reminder) || daysLeft == 0) {
        return "Herinnering: vandaag gereed";
      }
      return "Herinnering: nog " + daysLeft + (daysLeft == 1 ? " dag" : " dagen");
    }

    /** The due date in words: "gereed op 7 december 2026". */
    public String dueText() {
      return "gereed op "
          + dueDate.format(
              java.time.format.DateTimeFormatter.ofPattern(
                  "d MMMM yyyy", java.util.Locale.forLanguageTag("nl")));
    }
  }

  /** The open actions owned by the user's role or region, in this world, soonest first. */
  public List<OwnedAction> openFor(KnooppuntUser user, boolean exercise) {
    List<String> groups = user.candidateGroups();
    if (groups.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(ZONE);
    return jdbc
        .query(
            "select a.action_id, a.crisis_id, c.title, a.exercise, a.text, a.owner, a.due_date,"
                + " a.status, a.reminder from improvement_action a left join crisis c on"
                + " c.crisis_id = a.crisis_id where a.status in ('OPEN', 'IN_UITVOERING') and"
                + " a.exercise = ? order by a.due_date, a.created_at",
            (rs, i) -> {
              LocalDate due = rs.getObject("due_date", LocalDate.class);
              return new OwnedAction(
                  rs.getString("action_id"),
                  rs.getString("crisis_id"),
                  rs.getString("title"),
                  rs.getBoolean("exercise"),
                  rs.getString("text"),
                  rs.getString("owner"),
                  due,
                  rs.getString("status"),
                  rs.getString("reminder"),
                  ChronoUnit.DAYS.between(today, due));
            },
            exercise)
        .stream()
        .filter(a -> owners.ownedBy(a.owner(), groups))
        .toList();
  }
}
