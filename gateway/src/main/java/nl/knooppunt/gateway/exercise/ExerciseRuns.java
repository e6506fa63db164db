package nl.knooppunt.gateway.exercise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The exercise runs, their crises, played injects and inject cards (tables of V17). */
@Repository
public class ExerciseRuns {

  /** Where a run is. */
  public enum Status {
    LOOPT,
    GEPAUZEERD,
    BEEINDIGD
  }

  /**
   * One run.
   *
   * @param live the participants who play themselves; every other one is simulated
   * @param accelerated true in the exercise environment: the runner moves the engine's clock
   */
  public record Run(
      String runId,
      String scenarioId,
      int scenarioVersion,
      String title,
      List<String> live,
      boolean accelerated,
      Status status,
      Instant startedAt,
      String startedBy,
      Instant pausedAt,
      long pausedSeconds,
      Instant endedAt,
      String lessons) {

    /** The scenario time at a moment of real time: time since the start minus the pauses. */
    public Duration offsetAt(Instant t) {
      Instant until = pausedAt != null && t.isAfter(pausedAt) ? pausedAt : t;
      Duration d = Duration.between(startedAt, until).minusSeconds(pausedSeconds);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  /** One inject as played, a live participant's card, or a note of the director. */
  public record Event(
      int seq,
      Integer injectIndex,
      Duration offset,
      Instant at,
      String kind,
      String participant,
      boolean live,
      String text,
      String outcome) {}

  /** An inject card in a live participant's inbox. */
  public record Card(long cardId, String runId, String participant, String text, Instant at) {}

  private final JdbcTemplate jdbc;
  private final javax.sql.DataSource dataSource;

  ExerciseRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
  }

  /**
   * Runs {@code play} only if no other runner (of this or another gateway replica) plays the run
   * now: the run's PostgreSQL advisory lock, taken in a transaction of a connection of its own, is
   * held while {@code play} runs and released when it ends, and by the database when the replica
   * dies with it. {@code play} itself writes through the ordinary connections (its own
   * transactions), so what it recorded is committed before another runner gets the lock.
   *
   * @return false when another runner holds the run
   */
  boolean whilePlaying(String runId, Runnable play) {
    try (java.sql.Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        boolean locked;
        try (java.sql.PreparedStatement s =
            c.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext('oefening'), hashtext(?))")) {
          s.setString(1, runId);
          try (ResultSet rs = s.executeQuery()) {
            locked = rs.next() && rs.getBoolean(1);
          }
        }
        if (locked) {
          play.run();
        }
        return locked;
      } finally {
        try {
          c.rollback();
          c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
          // the lock must not stay with a pooled connection: throw the connection away
          if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            hikari.evictConnection(c);
          }
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException(
          "het slot van oefening " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Claims an inject for a runner before it acts (V21), under the run's lock.
   *
   * @return the runner that claimed it before and did not record it (it stopped in the middle of
   *     the inject), if another did
   */
  Optional<String> claim(String runId, int injectIndex, String runner, Instant at) {
    Optional<String> before =
        jdbc
            .queryForList(
                "select claimed_by from exercise_inject_claim where run_id = ? and inject_index = ?",
                String.class,
                runId,
                injectIndex)
            .stream()
            .findFirst()
            .filter(r -> !r.equals(runner));
    jdbc.update(
        "insert into exercise_inject_claim (run_id, inject_index, claimed_by, claimed_at)"
            + " values (?, ?, ?, ?) on conflict (run_id, inject_index) do update set"
            + " claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at",
        runId,
        injectIndex,
        runner,
        Timestamp.from(at));
    return before;
  }

  /** Gives a claim back when the inject did nothing yet (the hub is not there yet). */
  void release(String runId, int injectIndex, String runner) {
    jdbc.update(
        "delete from exercise_inject_claim where run_id = ? and inject_index = ? and claimed_by = ?",
        runId,
        injectIndex,
        runner);
  }

  void create(Run r) {
    jdbc.update(
        "insert into exercise_run (run_id, scenario_id, scenario_version, title, live,"
            + " accelerated, status, started_at, started_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.runId(),
        r.scenarioId(),
        r.scenarioVersion(),
        r.title(),
        r.live().toArray(String[]::new),
        r.accelerated(),
        r.status().name(),
        Timestamp.from(r.startedAt()),
        r.startedBy());
  }

  /** An uploaded scenario file as it was uploaded (table of V19). */
  public record UploadedScenario(String fileName, String text) {}

  void saveScenario(
      String scenarioId, int version, String fileName, String text, Instant at, String by) {
    jdbc.update(
        "insert into exercise_scenario (scenario_id, version, file_name, text, uploaded_at,"
            + " uploaded_by) values (?, ?, ?, ?, ?, ?) on conflict (scenario_id, version) do"
            + " update set file_name = excluded.file_name, text = excluded.text,"
            + " uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by",
        scenarioId,
        version,
        fileName,
        text,
        Timestamp.from(at),
        by);
  }

  /** Every uploaded scenario, oldest first (a later upload of the same id comes later). */
  List<UploadedScenario> uploadedScenarios() {
    return jdbc.query(
        "select file_name, text from exercise_scenario order by uploaded_at, scenario_id, version",
        (rs, i) -> new UploadedScenario(rs.getString("file_name"), rs.getString("text")));
  }

  public Optional<Run> run(String runId) {
    return jdbc
        .query(
            "select * from exercise_run where run_id = ?",
            (org.springframework.jdbc.core.RowMapper<Run>) this::toRun,
            runId)
        .stream()
        .findFirst();
  }

  public List<Run> runs() {
    return jdbc.query(
        "select * from exercise_run order by started_at desc",
        (org.springframework.jdbc.core.RowMapper<Run>) this::toRun);
  }

  public List<Run> runsOf(String scenarioId) {
    return jdbc.query(
        "select * from exercise_run where scenario_id = ? order by started_at",
        (org.springframework.jdbc.core.RowMapper<Run>) this::toRun,
        scenarioId);
  }

  List<Run> running() {
    return jdbc.query(
        "select * from exercise_run where status = ? order by started_at",
        (org.springframework.jdbc.core.RowMapper<Run>) this::toRun,
        Status.LOOPT.name());
  }

  void pause(String runId, Instant at) {
    jdbc.update(
        "update exercise_run set status = ?, paused_at = ? where run_id = ? and status = ?",
        Status.GEPAUZEERD.name(),
        Timestamp.from(at),
        runId,
        Status.LOOPT.name());
  }

  void resume(String runId, Instant at) {
    jdbc.update(
        "update exercise_run set status = ?, paused_seconds = paused_seconds"
            + " + greatest(0, extract(epoch from (? - paused_at)))::bigint, paused_at = null"
            + " where run_id = ? and status = ?",
        Status.LOOPT.name(),
        Timestamp.from(at),
        runId,
        Status.GEPAUZEERD.name());
  }

  void end(String runId, Instant at) {
    jdbc.update(
        "update exercise_run set status = ?, ended_at = coalesce(ended_at, ?) where run_id = ?",
        Status.BEEINDIGD.name(),
        Timestamp.from(at),
        runId);
  }

  void lessons(String runId, String lessons) {
    jdbc.update("update exercise_run set lessons = ? where run_id = ?", lessons, runId);
  }

  void addCrisis(String runId, String crisisId) {
    jdbc.update(
        "insert into exercise_run_crisis (run_id, crisis_id) values (?, ?) on conflict do nothing",
        runId,
        crisisId);
  }

  /** The run's crises: those its injects started and those linked to them (a manhunt's level 5). */
  public List<String> crises(String runId) {
    return jdbc.queryForList(
        "select crisis_id from exercise_run_crisis where run_id = ? union select c.crisis_id from"
            + " crisis c join exercise_run_crisis r on c.linked_crisis_id = r.crisis_id where"
            + " r.run_id = ? order by 1",
        String.class,
        runId,
        runId);
  }

  /** The run that started a crisis, if an exercise run did. */
  public Optional<String> runOfCrisis(String crisisId) {
    return jdbc
        .queryForList(
            "select run_id from exercise_run_crisis where crisis_id = ?", String.class, crisisId)
        .stream()
        .findFirst();
  }

  /**
   * Records an event once: an inject index is recorded at most once (also after a restart, also by
   * two replicas); the next number in the run is retried when another replica took it first.
   */
  boolean record(String runId, Event e) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbc.update(
                "insert into exercise_event (run_id, seq, inject_index, offset_seconds, at, kind,"
                    + " participant, live, text, outcome) select ?, coalesce(max(seq), 0) + 1, ?,"
                    + " ?, ?, ?, ?, ?, ?, ? from exercise_event where run_id = ?"
                    + " on conflict (run_id, inject_index) do nothing",
                runId,
                e.injectIndex(),
                e.offset().toSeconds(),
                Timestamp.from(e.at()),
                e.kind(),
                e.participant(),
                e.live(),
                e.text(),
                e.outcome(),
                runId)
            == 1;
      } catch (org.springframework.dao.DuplicateKeyException clash) {
        if (attempt >= 5) {
          throw clash;
        }
      }
    }
  }

  public List<Event> events(String runId) {
    return jdbc.query(
        "select * from exercise_event where run_id = ? order by seq",
        (rs, i) ->
            new Event(
                rs.getInt("seq"),
                (Integer) rs.getObject("inject_index"),
                Duration.ofSeconds(rs.getLong("offset_seconds")),
                rs.getTimestamp("at").toInstant(),
                rs.getString("kind"),
                rs.getString("participant"),
                rs.getBoolean("live"),
                rs.getString("text"),
                rs.getString("outcome")),
        runId);
  }

  /** How many injects of a run were played: the next one to play. */
  int nextInject(String runId) {
    Integer max =
        jdbc.queryForObject(
            "select max(inject_index) from exercise_event where run_id = ?", Integer.class, runId);
    return max == null ? 0 : max + 1;
  }

  void addCard(String runId, String participant, String text, Instant at) {
    jdbc.update(
        "insert into exercise_card (run_id, participant, text, at) values (?, ?, ?, ?)",
        runId,
        participant,
        text,
        Timestamp.from(at));
  }

  /** The cards of running and paused runs for any of the given participants, newest first. */
  public List<Card> cardsFor(Collection<String> participants) {
    if (participants.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "select k.* from exercise_card k join exercise_run r on r.run_id = k.run_id"
            + " where k.participant = any(?) and r.status <> 'BEEINDIGD' order by k.at desc,"
            + " k.card_id desc",
        (rs, i) ->
            new Card(
                rs.getLong("card_id"),
                rs.getString("run_id"),
                rs.getString("participant"),
                rs.getString("text"),
                rs.getTimestamp("at").toInstant()),
        (Object) participants.toArray(String[]::new));
  }

  private Run toRun(ResultSet rs, int i) throws SQLException {
    Timestamp paused = rs.getTimestamp("paused_at");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Run(
        rs.getString("run_id"),
        rs.getString("scenario_id"),
        rs.getInt("scenario_version"),
        rs.getString("title"),
        Queries.array(rs, "live"),
        rs.getBoolean("accelerated"),
        Status.valueOf(rs.getString("status")),
        rs.getTimestamp("started_at").toInstant(),
        rs.getString("started_by"),
        paused == null ? null : paused.toInstant(),
        rs.getLong("paused_seconds"),
        ended == null ? null : ended.toInstant(),
        rs.getString("lessons"));
  }
}
