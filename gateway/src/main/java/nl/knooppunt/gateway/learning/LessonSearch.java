package nl.knooppunt.gateway.learning;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The lessons of every crisis and exercise (the findings of their evaluations), searched in Dutch
 * with PostgreSQL's full-text search ({@code dutch} configuration: "aanslagen" finds "aanslag"),
 * ranked, with the matching words highlighted. A region reads the lessons of its own crises and
 * those marked shared; national readers read all (docs/adr/0044).
 */
@Service
public class LessonSearch {

  /** At most this many lessons per search. */
  static final int LIMIT = 100;

  // markers of the highlighted words: not HTML, so the text is escaped before they become <mark>
  private static final String START = "\u0001";
  private static final String STOP = "\u0002";

  private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Amsterdam");

  /**
   * The crisis involves the region: in its area, or beyond it (a neighbour of a manhunt, a
   * candidate or supplier of assistance; docs/adr/0031).
   */
  private static final String INVOLVES =
      "(? = any(c.regions) or exists (select 1 from crisis_region r where r.crisis_id ="
          + " a.crisis_id and r.vr_code = ?))";

  private final JdbcTemplate jdbc;

  LessonSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What to look for: words (may be empty: every lesson, newest first), step, region, type (process
   * id), real or exercise ({@code null}: both), period.
   */
  public record Filter(
      String words,
      String step,
      String region,
      String process,
      Boolean exercise,
      LocalDate from,
      LocalDate to) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null);
    }

    public Filter words(String w) {
      return new Filter(w, step, region, process, exercise, from, to);
    }
  }

  /** One lesson as found: the highlight is safe HTML (escaped text with {@code <mark>}). */
  public record Lesson(
      String actionId,
      String crisisId,
      String crisisTitle,
      String process,
      boolean exercise,
      String lesson,
      String finding,
      String action,
      String step,
      List<String> tags,
      boolean shared,
      List<String> regions,
      java.time.OffsetDateTime recordedAt,
      String highlight,
      double rank) {}

  /** The lessons the user may read that match the filter, best match first. */
  public List<Lesson> search(KnooppuntUser user, Filter f) {
    boolean words = f.words() != null && !f.words().isBlank();
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select a.*, c.title, c.process_id,");
    sql.append(" coalesce(c.regions, '{}') as regions,");
    if (words) {
      sql.append(
          " ts_rank(a.search, q) as rank, ts_headline('dutch', concat_ws(' · ', a.lesson,"
              + " a.finding, a.text), q, 'StartSel="
              + START
              + ", StopSel="
              + STOP
              + ", MaxWords=40, MinWords=15, MaxFragments=2') as headline");
    } else {
      sql.append(" 0 as rank, null as headline");
    }
    sql.append(" from improvement_action a left join crisis c on c.crisis_id = a.crisis_id");
    if (words) {
      sql.append(", websearch_to_tsquery('dutch', ?) q");
      args.add(f.words().strip());
    }
    sql.append(" where (a.lesson is not null or a.finding is not null)");
    if (words) {
      sql.append(" and a.search @@ q");
    }
    if (f.step() != null && !f.step().isBlank()) {
      sql.append(" and a.step = ?");
      args.add(f.step());
    }
    if (f.region() != null && !f.region().isBlank()) {
      sql.append(" and " + INVOLVES);
      args.add(f.region());
      args.add(f.region());
    }
    if (f.process() != null && !f.process().isBlank()) {
      sql.append(" and c.process_id = ?");
      args.add(f.process());
    }
    if (f.exercise() != null) {
      sql.append(" and a.exercise = ?");
      args.add(f.exercise());
    }
    if (f.from() != null) {
      sql.append(" and coalesce(c.started_at, a.created_at) >= ?");
      args.add(Timestamp.from(f.from().atStartOfDay(ZONE).toInstant()));
    }
    if (f.to() != null) {
      sql.append(" and coalesce(c.started_at, a.created_at) < ?");
      args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    if (!AccessPolicy.isNationalReader(user)) {
      // a region: the lessons marked shared and those of its own crises; anyone else: shared only
      sql.append(" and (a.shared");
      if (user.vrCode() != null) {
        sql.append(" or " + INVOLVES);
        args.add(user.vrCode());
        args.add(user.vrCode());
      }
      sql.append(")");
    }
    sql.append(words ? " order by rank desc, a.created_at desc" : " order by a.created_at desc");
    sql.append(" limit ").append(LIMIT);
    return jdbc.query(
        sql.toString(),
        (rs, i) ->
            new Lesson(
                rs.getString("action_id"),
                rs.getString("crisis_id"),
                rs.getString("title"),
                rs.getString("process_id"),
                rs.getBoolean("exercise"),
                rs.getString("lesson"),
                rs.getString("finding"),
                rs.getString("text"),
                rs.getString("step"),
                Queries.array(rs, "tags"),
                rs.getBoolean("shared"),
                Queries.array(rs, "regions"),
                Queries.time(rs, "created_at"),
                highlight(rs.getString("headline")),
                rs.getDouble("rank")),
        args.toArray());
  }

  /**
   * The lessons learned earlier about a step, for a crisis at that step ("Eerder geleerd"): those
   * the user may read, of other crises, newest first.
   */
  public List<Lesson> earlier(KnooppuntUser user, String step, String exceptCrisisId, int max) {
    return search(user, new Filter(null, step, null, null, null, null, null)).stream()
        .filter(l -> !l.crisisId().equals(exceptCrisisId))
        .limit(max)
        .toList();
  }

  /** The highlight as safe HTML: the text escaped, the matched words in {@code <mark>}. */
  static String highlight(String headline) {
    return Optional.ofNullable(headline)
        .map(h -> HtmlUtils.htmlEscape(h).replace(START, "<mark>").replace(STOP, "</mark>"))
        .orElse(null);
  }
}
