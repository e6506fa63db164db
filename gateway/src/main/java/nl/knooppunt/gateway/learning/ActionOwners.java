package nl.knooppunt.gateway.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.processes.CandidateGroup;
import org.springframework.stereotype.Component;

/**
 * Whose inbox an improvement action goes to. The owner is written as a person says it ("NCTV",
 * "Veiligheidsregio Utrecht", "VR09", "LOCC"); it resolves to the candidate group of that role or
 * region, so the action shows on {@code /taken} of whoever works in that group. An owner that names
 * no role or region (an outside organisation) reaches no inbox: it stays on {@code /verbeteracties}
 * and the dashboard.
 */
@Component
public class ActionOwners {

  private static final Pattern VR_CODE = Pattern.compile("\\b(VR\\d{2})\\b");

  /** What people call the roles, lower case, to their group. */
  private static final Map<String, String> ROLE_WORDS = new LinkedHashMap<>();

  /** The Dutch name of each role's group, as the form offers it. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    role(CandidateGroup.LANDELIJK_OPERATOR, "Landelijk operator", "NCC", "operator");
    role(
        CandidateGroup.NCTV_BESLUITVORMER,
        "NCTV-besluitvormer",
        "NCTV",
        "NCTV besluitvormer",
        "besluitvormer");
    role(CandidateGroup.NCTV_HOOFD, "Hoofd NCTV", "DG NCTV", "NCTV-hoofd");
    role(CandidateGroup.COMMUNICATIEADVISEUR, "Communicatieadviseur", "communicatie");
    role(CandidateGroup.HOOFD_LOCC, "Hoofd LOCC");
    role(CandidateGroup.LOCC_OFFICIER, "LOCC", "LOCC-officier", "LOCC officier");
    role(CandidateGroup.KORPSCHEF, "Korpschef");
    role(CandidateGroup.POLITIE, "Politie", "Nationale Politie");
    role(CandidateGroup.OM, "OM", "Openbaar Ministerie");
    role(CandidateGroup.BEHEERDER, "Beheerder", "functioneel beheer");
  }

  private static void role(CandidateGroup group, String... words) {
    LABELS.put(group.group(), words[0]);
    for (String w : words) {
      ROLE_WORDS.put(w.toLowerCase(Locale.ROOT), group.group());
    }
  }

  private final Map<String, String> regionsByName = new LinkedHashMap<>();
  private final List<String> regionLabels = new ArrayList<>();

  public ActionOwners(DirectoryAdapter directory) {
    for (Region r : directory.regions()) {
      String group = CandidateGroup.region(r.getCode());
      regionsByName.put(r.getName().toLowerCase(Locale.ROOT), group);
      regionsByName.put(("veiligheidsregio " + r.getName()).toLowerCase(Locale.ROOT), group);
      regionsByName.put(("VR " + r.getName()).toLowerCase(Locale.ROOT), group);
      regionLabels.add("Veiligheidsregio " + r.getName());
    }
  }

  /**
   * The candidate group whose inbox the action goes to: a region (its name, "Veiligheidsregio ...",
   * or its VR code), a role (its Dutch name or group), or none.
   */
  public Optional<String> groupOf(String owner) {
    if (owner == null || owner.isBlank()) {
      return Optional.empty();
    }
    String text = owner.strip().replaceAll("\\s+", " ");
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith(CandidateGroup.REGIO_PREFIX)
        && VR_CODE.matcher(text.substring(CandidateGroup.REGIO_PREFIX.length())).matches()) {
      return Optional.of(text);
    }
    if (ROLE_WORDS.containsValue(lower)) {
      return Optional.of(lower);
    }
    String region = regionsByName.get(lower);
    if (region != null) {
      return Optional.of(region);
    }
    Matcher code = VR_CODE.matcher(text.toUpperCase(Locale.ROOT));
    if (code.find()) {
      String group = CandidateGroup.region(code.group(1));
      return regionsByName.containsValue(group) ? Optional.of(group) : Optional.empty();
    }
    return Optional.ofNullable(ROLE_WORDS.get(lower));
  }

  /** Whether the action of this owner belongs in the inbox of someone in these groups. */
  public boolean ownedBy(String owner, List<String> groups) {
    return groupOf(owner).filter(groups::contains).isPresent();
  }

  /** What the form offers to pick: the roles by their Dutch names, then the 25 regions. */
  public List<String> suggestions() {
    List<String> out = new ArrayList<>(LABELS.values());
    out.addAll(regionLabels);
    return out;
  }
}
