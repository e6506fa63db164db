package nl.knooppunt.gateway.threatlevel;

import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.util.List;
import nl.knooppunt.api.model.ThreatLevel;
import nl.knooppunt.api.model.ThreatLevelChange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The level of every area and the history of its changes. */
@Component
public class ThreatLevelQueries {

  private final NamedParameterJdbcTemplate jdbc;

  ThreatLevelQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ThreatLevel> threatLevels(boolean exercise, String crisisId) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("exercise", exercise).addValue("crisis", crisisId);
    return jdbc.query(
        "select * from threat_level where exercise = :exercise and (cast(:crisis as text) is null"
            + " or crisis_id = :crisis) order by area_code",
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

  public List<ThreatLevelChange> threatLevelHistory(String areaCode, boolean exercise) {
    MapSqlParameterSource p =
        new MapSqlParameterSource().addValue("area", areaCode).addValue("exercise", exercise);
    return jdbc.query(
        "select * from threat_level_change where exercise = :exercise and (cast(:area as text) is"
            + " null or area_code = :area) order by recorded_at desc, area_code",
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
}
