package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.ProcessModel;

/** The inner elements an ad-hoc sub-process activates on entering (ADR 0047). */
final class AdHocSubProcesses {

  private AdHocSubProcesses() {}

  /**
   * The elements named by the active-elements collection, in its order; none when it is undefined
   * or empty. A value that is not a list of strings, or an id that is not an inner element, is a
   * {@link FeelException} (an incident on the ad-hoc sub-process, as on Camunda).
   */
  static List<Element> chosen(
      Feel feel, ProcessModel model, Element adHoc, Map<String, Object> scope) {
    if (adHoc.adHoc.activeElements() == null) {
      return List.of();
    }
    List<String> ids = feel.evaluateStringList(adHoc.adHoc.activeElements(), scope);
    List<Element> out = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      Element inner = model.elementOrNull(id);
      if (inner == null
          || !adHoc.id.equals(inner.flowScopeId)
          || inner.kind == ElementKind.BOUNDARY_EVENT) {
        unknown.add(id);
      } else {
        out.add(inner);
      }
    }
    if (!unknown.isEmpty()) {
      throw new FeelException(
          "Expected to activate activities for ad-hoc sub-process '"
              + adHoc.id
              + "', but the given elements "
              + unknown
              + " do not exist in it.");
    }
    return out;
  }
}
