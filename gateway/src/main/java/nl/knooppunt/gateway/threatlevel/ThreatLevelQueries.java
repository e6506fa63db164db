package nl.knooppunt.gateway.threatlevel;

import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.util.List;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.scope.ReadScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The level of every area and the history of its changes, as far as the reader's scope goes: a
 * level is the fact of its crisis, read by whoever may read that crisis (docs/adr/0037).
 */
@Component
public class ThreatLevelQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final CrisisScope scope;

  ThreatLevelQueries(NamedParameterJdbcTemplate jdbc, CrisisScope scope) {
    this.jdbc = jdbc;
    this.scope = scope;
  }

  /** The levels in force as the signed-in user may read them. */
  public List<ThreatLevel> threatLevels(boolean exercise, String crisisId) {
    return threatLevels(exercise, crisisId, scope.current());
  }

  /** The changes as the signed-in user may read them. */
  public List<ThreatLevelChange> threatLevelHistory(String areaCode, boolean exercise) {
    return threatLevelHistory(areaCode, exercise, scope.current());
  }

  /**
   * The levels in force of one world, of one crisis or all, those of crises the scope may read
   * (docs/adr/0037); a level without a crisis for every reader.
   */
  public List<ThreatLevel> threatLevels(boolean exercise, String crisisId, ReadScope scope) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("exercise", exercise).addValue("crisis", crisisId);
    return jdbc.query(
        "select * from threat_level tl where exercise = :exercise and (cast(:crisis as text) is"
            + " null or crisis_id = :crisis) and "
            + inScope(scope, p)
            + " order by area_code",
        p,
        (rs, i) ->
            new ThreatLevel()
                .areaCode(rs.getString("area_code"))
                .areaKind(rs.getString("area_kind"))
                .areaName(rs.getString("area_name"))
                .level(rs.getInt("level"))
                .crisisId(rs.getString("crisis_id"))
                .validFrom(time(rs, "valid_from"))
                .validUntil(time(rs, "valid_until"))
                .exercise(rs.getBoolean("exercise")));
  }

  /** The changes of one area's level or of all, those of crises the scope may read. */
  public List<ThreatLevelChange> threatLevelHistory(
      String areaCode, boolean exercise, ReadScope scope) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("area", areaCode).addValue("exercise", exercise);
    return jdbc.query(
        "select * from threat_level_change tl where exercise = :exercise and (cast(:area as text)"
            + " is null or area_code = :area) and "
            + inScope(scope, p)
            + " order by recorded_at desc, area_code",
        p,
        (rs, i) ->
            new ThreatLevelChange()
                .areaCode(rs.getString("area_code"))
                .areaName(rs.getString("area_name"))
                .level(rs.getInt("level"))
                .action(rs.getString("action"))
                .crisisId(rs.getString("crisis_id"))
                .validFrom(time(rs, "valid_from"))
                .validUntil(time(rs, "valid_until"))
                .exercise(rs.getBoolean("exercise"))
                .recordedAt(time(rs, "recorded_at")));
  }

  private static String inScope(ReadScope scope, MapSqlParameterSource p) {
    if (scope.all()) {
      return "true";
    }
    return "(tl.crisis_id is null or exists (select 1 from crisis c where c.crisis_id ="
        + " tl.crisis_id and "
        + scope.condition(p)
        + "))";
  }
}
