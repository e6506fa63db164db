package nl.knooppunt.gateway.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.MeasuresOverview;
import nl.knooppunt.api.model.MeasuresPerRole;
import nl.knooppunt.api.model.MeasuresVersion;
import nl.knooppunt.directory.LevelFiveMeasures;
import nl.knooppunt.directory.MeasureRole;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MeasuresSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The measures that threat level 5 asks of each role, as notices carry them (docs/adr/0023): the
 * version in force, the versions before it, and a new version from the beheerder. Version 1 comes
 * from the seeds (directory module); each edit is the event {@code maatregelen.vastgesteld} on the
 * events topic (logbook, read model) and on the compacted measures topic the workers read. The API
 * and the page both call this service.
 */
@Service
public class MeasuresService {

  private final JdbcTemplate jdbc;
  private final Queries queries;
  private final OutboxPublisher publisher;

  public MeasuresService(JdbcTemplate jdbc, Queries queries, OutboxPublisher publisher) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.publisher = publisher;
  }

  /** One version with who set it and when (nobody and never for version 1). */
  public record Version(
      LevelFiveMeasures measures, String setBy, String setByName, OffsetDateTime setAt) {}

  /** The version notices carry now. */
  public Version current() {
    List<Version> all = history();
    return all.get(0);
  }

  /** Every version, newest first; version 1 last. */
  public List<Version> history() {
    List<Version> out =
        new ArrayList<>(
            jdbc.query(
                "select version, measures, set_by, set_by_name, set_at from measures_version"
                    + " order by version desc",
                (rs, i) ->
                    new Version(
                        new LevelFiveMeasures(
                            rs.getInt("version"),
                            perRole(queries.jsonMap(rs.getString("measures")))),
                        rs.getString("set_by"),
                        rs.getString("set_by_name"),
                        rs.getObject("set_at", OffsetDateTime.class))));
    out.add(new Version(LevelFiveMeasures.first(), null, null, null));
    return out;
  }

  /**
   * Sets the next version. Refused (400) when a role has no measures, too many or too long ones;
   * 409 when the beheerder edited an older version than the one in force (someone else was first).
   */
  public Version publish(int basedOnVersion, Map<MeasureRole, List<String>> measures) {
    KnooppuntUser user = CurrentUsers.current();
    Map<MeasureRole, String> problems = LevelFiveMeasures.problems(measures);
    if (!problems.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      problems.forEach((role, message) -> errors.add(new FieldError(field(role), message)));
      throw new Problems.Invalid(String.join(" ", problems.values()), errors);
    }
    int current = current().measures().version();
    if (basedOnVersion != current) {
      throw stale(current);
    }
    int next = current + 1;
    Map<String, List<String>> byName = new LinkedHashMap<>();
    new LevelFiveMeasures(next, measures).perRole().forEach((r, l) -> byName.put(r.name(), l));
    CloudEvent<MeasuresSet> event =
        CloudEvent.of(
                "maatregelen/v" + next,
                EventType.MAATREGELEN_VASTGESTELD,
                Sources.GATEWAY,
                Instant.now(),
                null,
                false,
                new MeasuresSet(next, byName))
            .by(user.username(), null);
    if (!publisher.publishMeasures(event)) {
      throw stale(next);
    }
    return current();
  }

  /** The API's view of a version. */
  public static MeasuresVersion view(Version v) {
    LevelFiveMeasures m = v.measures();
    return new MeasuresVersion(
            m.version(),
            new MeasuresPerRole(
                m.forRole(MeasureRole.GEMEENTE),
                m.forRole(MeasureRole.VEILIGHEIDSREGIO),
                m.forRole(MeasureRole.POLITIE_EENHEID),
                m.forRole(MeasureRole.OM),
                m.forRole(MeasureRole.PARTNER)))
        .setBy(v.setByName() != null ? v.setByName() : v.setBy())
        .setAt(v.setAt() == null ? null : v.setAt().withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The API's overview: the version in force and every version, newest first. */
  public MeasuresOverview overview() {
    List<MeasuresVersion> all = history().stream().map(MeasuresService::view).toList();
    return new MeasuresOverview(all.get(0), all);
  }

  /** The API's measures per role as the directory's type. */
  public static Map<MeasureRole, List<String>> perRole(MeasuresPerRole m) {
    Map<MeasureRole, List<String>> out = new EnumMap<>(MeasureRole.class);
    if (m != null) {
      out.put(MeasureRole.GEMEENTE, orEmpty(m.getGEMEENTE()));
      out.put(MeasureRole.VEILIGHEIDSREGIO, orEmpty(m.getVEILIGHEIDSREGIO()));
      out.put(MeasureRole.POLITIE_EENHEID, orEmpty(m.getPOLITIEEENHEID()));
      out.put(MeasureRole.OM, orEmpty(m.getOM()));
      out.put(MeasureRole.PARTNER, orEmpty(m.getPARTNER()));
    }
    return out;
  }

  /** The field of a role in the API's body (and the page's form field). */
  public static String field(MeasureRole role) {
    return "measures." + role.name();
  }

  private static Problems.Conflict stale(int inForce) {
    return new Problems.Conflict(
        "Er is intussen een nieuwere versie van de maatregelen vastgelegd (versie "
            + inForce
            + "). Open de pagina opnieuw en breng uw wijziging aan in die versie.");
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static Map<MeasureRole, List<String>> perRole(Map<String, Object> json) {
    Map<MeasureRole, List<String>> out = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      if (json.get(role.name()) instanceof List<?> list) {
        out.put(role, list.stream().map(String::valueOf).toList());
      }
    }
    return out;
  }
}
