package nl.knooppunt.gateway.scope;

import static nl.knooppunt.processes.variables.InvestigationInformation.CLASSIFICATION_FIELD;
import static nl.knooppunt.processes.variables.InvestigationInformation.SHARED_BY_FIELD;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.variables.InvestigationInformation.Classification;

/**
 * Classified information as a user may read it (issue 20 §1, docs/adr/0031). Information shared by
 * police and OM carries its classification ({@code vertrouwelijkheid}); wherever such a part turns
 * up in data the gateway shows (a logbook entry, a task's variables or form, any depth), a role
 * without clearance gets the part without its content: its classification, who shared it and the
 * mark {@value #WITHHELD}. The entry itself stays, with who and when.
 */
public final class Clearance {

  private Clearance() {}

  /** The roles cleared for every classification (docs/api.md). */
  public static final Set<Rol> CLEARED =
      Collections.unmodifiableSet(
          EnumSet.of(
              Rol.NCTV_BESLUITVORMER,
              Rol.NCTV_TWEEDE_BESLUITVORMER,
              Rol.NCTV_HOOFD,
              Rol.LANDELIJK_OPERATOR,
              Rol.OM,
              Rol.POLITIE,
              Rol.KORPSCHEF));

  /** The field of a withheld part that says so ({@code true}). */
  public static final String WITHHELD = "afgeschermd";

  /** What a summary of an entry with withheld content adds. */
  public static final String WITHHELD_NOTE = " (gerubriceerd: inhoud afgeschermd)";

  /** Whether the user may read content of every classification. */
  public static boolean cleared(KnooppuntUser user) {
    return user != null && user.hasAny(CLEARED);
  }

  /** Whether the data holds a part the user may not read. */
  public static boolean withholds(Object data, KnooppuntUser user) {
    return !cleared(user) && classified(data);
  }

  /** Whether the data holds a part marked other than public, at any depth. */
  public static boolean classified(Object data) {
    if (data instanceof Map<?, ?> map) {
      if (map.containsKey(CLASSIFICATION_FIELD)
          && Classification.restricted(map.get(CLASSIFICATION_FIELD))) {
        return true;
      }
      return map.values().stream().anyMatch(Clearance::classified);
    }
    if (data instanceof List<?> list) {
      return list.stream().anyMatch(Clearance::classified);
    }
    return false;
  }

  /**
   * The data as the user may read it: unchanged for a cleared role; else a copy in which every part
   * marked other than public keeps only its classification and who shared it.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> clear(Map<String, Object> data, KnooppuntUser user) {
    if (data == null || !withholds(data, user)) {
      return data;
    }
    return (Map<String, Object>) withhold(data);
  }

  private static Object withhold(Object data) {
    if (data instanceof Map<?, ?> map) {
      if (map.containsKey(CLASSIFICATION_FIELD)
          && Classification.restricted(map.get(CLASSIFICATION_FIELD))) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put(CLASSIFICATION_FIELD, map.get(CLASSIFICATION_FIELD));
        if (map.get(SHARED_BY_FIELD) != null) {
          kept.put(SHARED_BY_FIELD, map.get(SHARED_BY_FIELD));
        }
        kept.put(WITHHELD, true);
        return kept;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), withhold(v)));
      return out;
    }
    if (data instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(withhold(v)));
      return out;
    }
    return data;
  }
}
