package nl.knooppunt.gateway.scope;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The crises one user may read, as {@link CrisisScope} derived it from the user's roles and the
 * directory: every crisis, or those that involve the user's regions, municipality, authorities or
 * scoped candidate groups.
 *
 * @param all a national role: every crisis
 * @param regions the regions the user answers for (a region: its own; the police: its unit's)
 * @param municipality the municipality of a gezag; null otherwise
 * @param municipalityRegion the region of that municipality; null otherwise
 * @param recipientCodes the authorities the user answers for (a notice to one involves it)
 * @param groups the user's scoped candidate groups ({@code regio-VR09}, {@code gezag-GM0344}, …)
 */
public record ReadScope(
    boolean all,
    List<String> regions,
    String municipality,
    String municipalityRegion,
    List<String> recipientCodes,
    List<String> groups) {

  /** Every crisis. */
  public static final ReadScope ALL =
      new ReadScope(true, List.of(), null, null, List.of(), List.of());

  /** No crisis (a scoped role without its scope, or nobody signed in). */
  public static final ReadScope NONE =
      new ReadScope(false, List.of(), null, null, List.of(), List.of());

  public ReadScope {
    regions = List.copyOf(regions);
    recipientCodes = List.copyOf(recipientCodes);
    groups = List.copyOf(groups);
  }

  /**
   * The SQL condition "this user may read crisis {@code c}" on a query over {@code crisis c}; adds
   * its parameters (prefixed {@code scope}) to {@code p}. A crisis is in scope when:
   *
   * <ul>
   *   <li>one of the user's regions is in its area (its regions: area, requester, level changes),
   *       or involved beyond it ({@code crisis_region}: a manhunt's neighbour, a region asked to
   *       offer or allocated to supply assistance);
   *   <li>the gezag's municipality is in its area (named, or in a region or province of it);
   *   <li>the hub sent a notice about it to one of the user's authorities or regions;
   *   <li>it has a task for one of the user's scoped candidate groups.
   * </ul>
   */
  public String condition(MapSqlParameterSource p) {
    if (all) {
      return "true";
    }
    p.addValue("scopeRegions", regions.toArray(String[]::new))
        .addValue("scopeMunicipality", municipality)
        .addValue("scopeMunicipalityRegion", municipalityRegion)
        .addValue("scopeRecipients", recipientCodes.toArray(String[]::new))
        .addValue("scopeGroups", groups.toArray(String[]::new));
    return "(c.regions && cast(:scopeRegions as text[])"
        + " or exists (select 1 from crisis_region x where x.crisis_id = c.crisis_id and x.vr_code"
        + " = any(cast(:scopeRegions as text[])))"
        + " or (c.area_kind = 'GEMEENTE' and cast(:scopeMunicipality as text) = any(c.area_codes))"
        + " or (c.area_kind is distinct from 'GEMEENTE' and cast(:scopeMunicipalityRegion as text)"
        + " = any(c.regions))"
        + " or exists (select 1 from notification n where n.crisis_id = c.crisis_id and"
        + " (n.recipient_code = any(cast(:scopeRecipients as text[])) or n.vr_code ="
        + " any(cast(:scopeRegions as text[]))))"
        + " or exists (select 1 from task t where t.crisis_id = c.crisis_id and t.candidate_groups"
        + " && cast(:scopeGroups as text[])))";
  }
}
