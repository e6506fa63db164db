package nl.knooppunt.gateway.threatlevel;

import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The level of every area (latest change wins) and the history of its changes. */
@Component
@Order(30)
class ThreatLevelProjection implements Projection {

  private final JdbcTemplate jdbc;
  private final DirectoryAdapter directory;

  ThreatLevelProjection(JdbcTemplate jdbc, DirectoryAdapter directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    if (e.type() == EventType.DREIGINGSNIVEAU_GEWIJZIGD) {
      threatLevel(e, (ThreatLevelChanged) e.data());
    }
  }

  /** One area a level applies to: its code, kind and name (kind and name may be unknown). */
  private record LevelArea(String code, String kind, String name) {}

  private void threatLevel(CloudEvent<?> e, ThreatLevelChanged d) {
    Integer level = d.level();
    String action = d.action();
    OffsetDateTime until = ts(d.validUntil());
    List<LevelArea> areas = new ArrayList<>();
    d.regions().forEach(r -> areas.add(new LevelArea(r, "VEILIGHEIDSREGIO", null)));
    d.municipalities().forEach(m -> areas.add(new LevelArea(m, "GEMEENTE", null)));
    if (areas.isEmpty()) {
      jdbc.queryForList(
              "select unnest(area_codes) from crisis where crisis_id = ?",
              String.class,
              e.crisisId())
          .forEach(c -> areas.add(new LevelArea(c, null, null)));
    }
    for (LevelArea a : areas) {
      if (a.code() == null) {
        continue;
      }
      jdbc.update(
          "insert into threat_level_change (event_id, area_code, area_name, level, action,"
              + " crisis_id, valid_from, valid_until, exercise, recorded_at) values (?, ?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?) on conflict do nothing",
          e.id(),
          a.code(),
          areaName(a),
          level,
          action,
          e.crisisId(),
          ts(e.time()),
          until,
          e.exercise(),
          ts(e.time()));
      // an area's level is the one of its latest change: the topic's partitions replay crises
      // in another order than they happened, so an older change never overwrites a newer one
      jdbc.update(
          "insert into threat_level (area_code, exercise, area_kind, area_name, level, crisis_id,"
              + " valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (area_code,"
              + " exercise) do update set area_kind = coalesce(excluded.area_kind,"
              + " threat_level.area_kind), area_name = coalesce(excluded.area_name,"
              + " threat_level.area_name), level = excluded.level, crisis_id = excluded.crisis_id,"
              + " valid_from = excluded.valid_from, valid_until = excluded.valid_until where"
              + " threat_level.valid_from <= excluded.valid_from",
          a.code(),
          e.exercise(),
          areaKind(a),
          areaName(a),
          level,
          e.crisisId(),
          ts(e.time()),
          until);
    }
  }

  private static String areaKind(LevelArea a) {
    if (a.kind() != null) {
      return a.kind();
    }
    return a.code().startsWith("VR")
        ? "VEILIGHEIDSREGIO"
        : a.code().startsWith("GM") ? "GEMEENTE" : null;
  }

  /** The given name, else the directory's name of a region or municipality. */
  private String areaName(LevelArea a) {
    if (a.name() != null) {
      return a.name();
    }
    return directory
        .regionName(a.code())
        .or(() -> directory.municipalityName(a.code()))
        .orElse(null);
  }
}
