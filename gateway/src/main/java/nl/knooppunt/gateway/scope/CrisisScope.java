package nl.knooppunt.gateway.scope;

import static nl.knooppunt.gateway.security.Rol.BEHEERDER;
import static nl.knooppunt.gateway.security.Rol.COMMUNICATIEADVISEUR;
import static nl.knooppunt.gateway.security.Rol.HOOFD_LOCC;
import static nl.knooppunt.gateway.security.Rol.LANDELIJK_OPERATOR;
import static nl.knooppunt.gateway.security.Rol.LOCC_OFFICIER;
import static nl.knooppunt.gateway.security.Rol.MANAGEMENT;
import static nl.knooppunt.gateway.security.Rol.NCTV_BESLUITVORMER;
import static nl.knooppunt.gateway.security.Rol.OM;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.StreamAudience;
import nl.knooppunt.processes.CandidateGroup;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which crises a user may read (issue 20 §1, docs/adr/0031), in one place: national roles every
 * crisis; a region the crises that involve its region; the police those that involve a region of
 * its unit; a gezag those that involve its municipality ({@link ReadScope#condition}). Lists leave
 * the others out ({@link #of}, in their query); a lookup of one answers 404, as for an unknown
 * crisis, so its existence is not revealed ({@link #crisis}); the live stream does not tell a
 * viewer of their changes ({@link StreamAudience}).
 */
@Component
public class CrisisScope implements StreamAudience {

  /** The roles that read every crisis (docs/api.md). */
  public static final Set<Rol> NATIONAL =
      Collections.unmodifiableSet(
          EnumSet.of(
              LANDELIJK_OPERATOR,
              NCTV_BESLUITVORMER,
              Rol.NCTV_TWEEDE_BESLUITVORMER,
              Rol.NCTV_HOOFD,
              COMMUNICATIEADVISEUR,
              LOCC_OFFICIER,
              HOOFD_LOCC,
              Rol.KORPSCHEF,
              OM,
              MANAGEMENT,
              BEHEERDER));

  private final NamedParameterJdbcTemplate jdbc;
  private final DirectoryAdapter directory;
  private final Queries queries;

  CrisisScope(NamedParameterJdbcTemplate jdbc, DirectoryAdapter directory, Queries queries) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.queries = queries;
  }

  /** The scope of a user: derived from its roles and their region, unit or municipality. */
  public ReadScope of(KnooppuntUser user) {
    if (user.hasAny(NATIONAL)) {
      return ReadScope.ALL;
    }
    Set<String> regions = new TreeSet<>();
    if (user.has(Rol.REGIO) && directory.regionExists(user.vrCode())) {
      regions.add(user.vrCode());
    }
    if (user.has(Rol.POLITIE)) {
      regions.addAll(directory.regionsOfPoliceUnit(user.policeUnit()));
    }
    String municipality = null;
    String municipalityRegion = null;
    if (user.has(Rol.GEZAG) && user.municipalityCode() != null) {
      municipalityRegion = directory.regionOfMunicipality(user.municipalityCode()).orElse(null);
      municipality = municipalityRegion == null ? null : user.municipalityCode();
    }
    List<String> groups = new ArrayList<>();
    for (String g : user.candidateGroups()) {
      if (g.startsWith(CandidateGroup.REGIO_PREFIX)
          || g.startsWith(CandidateGroup.POLITIE_PREFIX)
          || g.startsWith(CandidateGroup.GEZAG_PREFIX)) {
        groups.add(g);
      }
    }
    return new ReadScope(
        false,
        new ArrayList<>(regions),
        municipality,
        municipalityRegion,
        new ArrayList<>(directory.recipientCodesOf(user)),
        groups);
  }

  /** The scope of the signed-in user; nothing when nobody is signed in. */
  public ReadScope current() {
    return CurrentUsers.signedIn().map(this::of).orElse(ReadScope.NONE);
  }

  /** Which of these crises the scope may read. */
  public Set<String> visible(ReadScope scope, Collection<String> crisisIds) {
    if (crisisIds.isEmpty()) {
      return Set.of();
    }
    MapSqlParameterSource p = new MapSqlParameterSource("ids", crisisIds.toArray(String[]::new));
    return new TreeSet<>(
        jdbc.queryForList(
            "select c.crisis_id from crisis c where c.crisis_id = any(cast(:ids as text[])) and "
                + scope.condition(p),
            p,
            String.class));
  }

  /** Whether the scope may read the crisis (false for an unknown crisis). */
  public boolean sees(ReadScope scope, String crisisId) {
    return crisisId != null && !visible(scope, List.of(crisisId)).isEmpty();
  }

  /**
   * The crisis, when the signed-in user may read it; else 404, the same answer as for a crisis that
   * does not exist.
   */
  public Queries.CrisisRow crisis(String crisisId) {
    return queries
        .crisis(crisisId)
        .filter(c -> sees(current(), crisisId))
        .orElseThrow(() -> new Problems.NotFound("Crisis " + crisisId + " is onbekend."));
  }

  /**
   * The live stream: a viewer hears of a change to a crisis in its scope, or to a crisis with a
   * task for one of its candidate groups (a police officer of another unit asked to share
   * information still sees the task appear on the task list).
   */
  @Override
  public Predicate<Set<String>> viewer(KnooppuntUser viewer) {
    ReadScope scope = of(viewer);
    if (scope.all()) {
      return crises -> true;
    }
    String[] groups = viewer.candidateGroups().toArray(String[]::new);
    return crises -> {
      if (crises.isEmpty() || !visible(scope, crises).isEmpty()) {
        return true;
      }
      Boolean task =
          jdbc.queryForObject(
              "select exists (select 1 from task t where t.crisis_id = any(cast(:ids as text[]))"
                  + " and t.candidate_groups && cast(:groups as text[]))",
              new MapSqlParameterSource("ids", crises.toArray(String[]::new))
                  .addValue("groups", groups),
              Boolean.class);
      return Boolean.TRUE.equals(task);
    };
  }
}
