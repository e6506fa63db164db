package nl.knooppunt.gateway.evaluation;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.sql.Date;
import java.time.LocalDate;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EvaluationShared;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.ImprovementActionDone;
import nl.knooppunt.processes.events.ImprovementActionRecorded;
import nl.knooppunt.processes.events.ImprovementActionReminder;
import nl.knooppunt.processes.events.ImprovementActionStatusChanged;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The improvement actions of evaluations and with whom an evaluation was shared. */
@Component
@Order(56)
class EvaluationProjection implements Projection {

  private final JdbcTemplate jdbc;

  /** The weighted Dutch search text of a lesson (V18): lesson, finding, action and tags. */
  static final String SEARCH =
      "setweight(to_tsvector('dutch', coalesce(?, '')), 'A')"
          + " || setweight(to_tsvector('dutch', coalesce(?, '')), 'B')"
          + " || setweight(to_tsvector('dutch', ?), 'C')";

  EvaluationProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    if (e.data() instanceof ImprovementActionRecorded a) {
      jdbc.update(
          "insert into improvement_action (action_id, crisis_id, exercise, text, owner,"
              + " due_date, status, created_by, created_by_name, created_at, finding, lesson,"
              + " step, tags, shared, search) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?,"
              + " ?, ?, ?, "
              + SEARCH
              + ") on conflict (action_id) do nothing",
          a.actionId(),
          e.crisisId(),
          e.exercise(),
          a.text(),
          a.owner(),
          Date.valueOf(LocalDate.parse(a.dueDate())),
          e.actor(),
          e.actorname(),
          ts(e.time()),
          a.finding(),
          a.lesson(),
          a.step(),
          a.tags().toArray(String[]::new),
          a.shared(),
          a.lesson(),
          a.finding(),
          a.text() + " " + String.join(" ", a.tags()));
    } else if (e.data() instanceof ImprovementActionStatusChanged c) {
      // open or in progress may change; done or dropped is final
      jdbc.update(
          "update improvement_action set status = ?, status_reason = ?, status_changed_at = ?"
              + " where action_id = ? and status in ('OPEN', 'IN_UITVOERING')",
          c.status(),
          c.reason(),
          ts(e.time()),
          c.actionId());
    } else if (e.data() instanceof ImprovementActionDone d) {
      jdbc.update(
          "update improvement_action set status = 'AFGEROND', done_by = ?, done_by_name = ?,"
              + " done_at = ?, done_note = ? where action_id = ? and status in ('OPEN', 'IN_UITVOERING')",
          e.actor(),
          e.actorname(),
          ts(e.time()),
          d.note(),
          d.actionId());
    } else if (e.data() instanceof ImprovementActionReminder r) {
      jdbc.update(
          "update improvement_action set reminder = ?, reminded_at = ? where action_id = ?",
          r.kind(),
          ts(e.time()),
          r.actionId());
    } else if (e.data() instanceof EvaluationShared s) {
      jdbc.update(
          "insert into evaluation_share (crisis_id, regions, shared_by, shared_by_name,"
              + " shared_at) values (?, ?, ?, ?, ?) on conflict (crisis_id) do update set"
              + " regions = excluded.regions",
          e.crisisId(),
          s.regions().toArray(String[]::new),
          e.actor(),
          e.actorname(),
          ts(e.time()));
    }
  }
}
