package nl.knooppunt.gateway.crisis;

import java.util.List;
import nl.knooppunt.api.model.CrisisPage;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.scope.ReadScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Crises in lists, their decisions and their stuck steps. */
@Component
public class CrisisQueries {

  private final NamedParameterJdbcTemplate jdbc;

  CrisisQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of the crises of a world that the scope may read (a list leaves the others out: {@link
   * CrisisScope}).
   */
  public CrisisPage crises(
      ReadScope scope,
      CrisisType type,
      Boolean closed,
      String region,
      boolean exercise,
      int page,
      int size) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("type", type == null ? null : type.getValue())
            .addValue("closed", closed)
            .addValue("region", region)
            .addValue("exercise", exercise)
            .addValue("limit", size)
            .addValue("offset", (long) page * size);
    String where =
        " where c.exercise = :exercise and (cast(:type as text) is null or c.process_id = :type)"
            + " and (cast(:closed as boolean) is null or c.closed = :closed) and (cast(:region as"
            + " text) is null or :region = any(c.regions)) and "
            + scope.condition(p);
    List<CrisisSummary> items =
        jdbc.query(
            Queries.CRISIS_SELECT
                + where
                + " order by c.started_at desc nulls last, c.crisis_id limit :limit offset :offset",
            p,
            (rs, i) -> Queries.crisisRow(rs).summary());
    Long total = jdbc.queryForObject("select count(*) from crisis c" + where, p, Long.class);
    return new CrisisPage(items, page, size, total == null ? 0 : total);
  }
}
