package nl.knooppunt.engine.runtime;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.JobBasedUserTask;

/**
 * The headers of a job whose values are evaluated when the element is activated: the assignment and
 * schedule of a job-based user task (ADR 0047), written as Camunda writes them (candidate groups
 * and users as a JSON list of strings; an empty or null result leaves the header out).
 */
final class EvaluatedHeaders {

  private EvaluatedHeaders() {}

  static Map<String, String> of(Feel feel, Element el, Map<String, Object> scope) {
    if (el.evaluatedHeaders.isEmpty()) {
      return el.taskHeaders;
    }
    Map<String, String> headers = new LinkedHashMap<>(el.taskHeaders);
    el.evaluatedHeaders.forEach(
        (name, expression) -> {
          boolean list =
              name.equals(JobBasedUserTask.CANDIDATE_GROUPS)
                  || name.equals(JobBasedUserTask.CANDIDATE_USERS);
          if (list) {
            List<String> values = feel.evaluateStringList(expression, scope);
            if (values != null && !values.isEmpty()) {
              headers.put(name, jsonList(values));
            }
          } else {
            Object value = feel.evaluate(expression, scope);
            if (value != null && !String.valueOf(value).isBlank()) {
              headers.put(name, String.valueOf(value));
            }
          }
        });
    return headers;
  }

  private static String jsonList(Collection<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (String v : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append(']').toString();
  }
}
