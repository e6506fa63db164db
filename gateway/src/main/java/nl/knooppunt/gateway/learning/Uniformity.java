package nl.knooppunt.gateway.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How the 25 regions perform the same procedure steps (issue #16): per step and region the count,
 * median and p90 time, the share within the norm, the silences and the deviations from advice with
 * their reasons, and the national figures beside them. Computed on the read model (the region's
 * user tasks and the notices to it) with {@code percentile_cont}, real crises and exercises apart
 * (docs/adr/0044).
 */
@Service
public class Uniformity {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** The national figures of a step have no region. */
  public static final String NATIONAL = "NL";

  /**
   * The figures of one step in one region (or {@link #NATIONAL}): times in seconds, {@code null}
   * without a completed step; share within the norm 0..1, {@code null} without a norm.
   */
  public record Cell(
      String vrCode,
      ProcedureStep step,
      long count,
      Double medianSeconds,
      Double p90Seconds,
      Double withinNorm,
      long silences,
      long deviations,
      List<String> reasons) {}

  /** The cells of a period: per region code (and {@link #NATIONAL}) per step. */
  public record Table(Map<String, Map<ProcedureStep, Cell>> cells) {

    public Cell cell(String vrCode, ProcedureStep step) {
      return cells.getOrDefault(vrCode, Map.of()).get(step);
    }
  }

  private final JdbcTemplate jdbc;

  Uniformity(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // a lower GRIP level than the advice is a deviation; its reason is the form's explanation
  private static final String DEVIATION =
      "(t.form_key = '"
          + nl.knooppunt.processes.Form.BEVESTIGING_OPSCHALING.key()
          + "' and t.completion_data is not null and"
          + " t.variables is not null and substring(t.completion_data::jsonb ->> 'gripNiveau'"
          + " from 'GRIP_([0-9])')::int < (t.variables::jsonb ->> 'gripAdvies')::int)";

  /** The sort memory of the two aggregate queries (PostgreSQL's default is 4 MB). */
  static final String SORT_MEMORY = "32MB";

  private static final String SECONDS = "extract(epoch from t.ended_at - t.created_at)";

  /** The figures of real crises (or exercises) started in the period [from, to]. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public Table table(boolean exercise, LocalDate from, LocalDate to) {
    // a year of steps is sorted per region and step for the percentiles: in memory, not on disk
    // (docs/performance.md, P6); for this transaction only
    jdbc.execute("set local work_mem = '" + SORT_MEMORY + "'");
    Timestamp start = Timestamp.from(from.atStartOfDay(ZONE).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant());
    Map<String, Map<ProcedureStep, Cell>> cells = new TreeMap<>();
    List<String> forms = new ArrayList<>();
    ProcedureStep.all().forEach(s -> s.form().ifPresent(f -> forms.add(f.key())));
    jdbc.query(
        "select t.vr_code, t.form_key, count(*) as n,"
            + " percentile_cont(0.5) within group (order by "
            + SECONDS
            + ") filter (where t.state = 'COMPLETED') as median,"
            + " percentile_cont(0.9) within group (order by "
            + SECONDS
            + ") filter (where t.state = 'COMPLETED') as p90,"
            // measured against the norm: done, or past its due time (an open one still in time is
            // not yet either)
            + " count(*) filter (where t.due_at is not null and (t.state = 'COMPLETED' or"
            + " coalesce(t.ended_at, now()) > t.due_at)) as normed,"
            + " count(*) filter (where t.state = 'COMPLETED' and t.due_at is not null and"
            + " t.ended_at <= t.due_at) as within,"
            + " count(*) filter (where t.state <> 'COMPLETED' and t.due_at is not null and"
            + " coalesce(t.ended_at, now()) > t.due_at) as silences,"
            + " count(*) filter (where "
            + DEVIATION
            + ") as deviations,"
            + " (array_agg(t.completion_data::jsonb ->> 'toelichting' order by t.created_at desc)"
            + " filter (where "
            + DEVIATION
            + "))[1:3] as reasons"
            + " from task t where t.vr_code is not null and t.form_key = any(?) and t.exercise = ?"
            + " and t.created_at >= ? and t.created_at < ?"
            + " group by grouping sets ((t.vr_code, t.form_key), (t.form_key))",
        rs -> {
          ProcedureStep step = ProcedureStep.ofForm(rs.getString("form_key")).orElseThrow();
          put(cells, cell(rs, step));
        },
        forms.toArray(String[]::new),
        exercise,
        start,
        end);
    // acknowledging a notice: within the norm when acknowledged before it was escalated
    jdbc.query(
        "select n.vr_code, count(*) as n,"
            + " percentile_cont(0.5) within group (order by extract(epoch from n.acknowledged_at -"
            + " n.sent_at)) filter (where n.acknowledged_at is not null) as median,"
            + " percentile_cont(0.9) within group (order by extract(epoch from n.acknowledged_at -"
            + " n.sent_at)) filter (where n.acknowledged_at is not null) as p90,"
            + " count(*) as normed,"
            + " count(*) filter (where n.acknowledged_at is not null and (n.escalated_at is null"
            + " or n.acknowledged_at <= n.escalated_at)) as within,"
            + " count(*) filter (where n.acknowledged_at is null) as silences,"
            + " 0 as deviations, null::text[] as reasons"
            + " from notification n where n.vr_code is not null and n.requires_ack and n.exercise"
            + " = ? and n.sent_at >= ? and n.sent_at < ? group by grouping sets ((n.vr_code), ())",
        rs -> {
          put(cells, cell(rs, ProcedureStep.MELDING_BEVESTIGEN));
        },
        exercise,
        start,
        end);
    return new Table(cells);
  }

  private static void put(Map<String, Map<ProcedureStep, Cell>> cells, Cell c) {
    cells.computeIfAbsent(c.vrCode(), k -> new TreeMap<>()).put(c.step(), c);
  }

  private static Cell cell(ResultSet rs, ProcedureStep step) throws SQLException {
    String vr = rs.getString("vr_code");
    long normed = rs.getLong("normed");
    return new Cell(
        vr == null ? NATIONAL : vr,
        step,
        rs.getLong("n"),
        (Double) rs.getObject("median"),
        (Double) rs.getObject("p90"),
        normed == 0 ? null : rs.getLong("within") / (double) normed,
        rs.getLong("silences"),
        rs.getLong("deviations"),
        Queries.array(rs, "reasons").stream().filter(r -> r != null && !r.isBlank()).toList());
  }
}
