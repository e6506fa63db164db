package nl.knooppunt.engine.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attributes and extension elements of namespaces the engine does not execute (Camunda 7 {@code
 * camunda:*} such as {@code camunda:diagramRelationId} from Web Modeler or {@code camunda:assignee}
 * from a converted 7.x model, tool namespaces, …). Camunda 8 ignores them; so does this engine, and
 * says so once per name in the log.
 */
final class ForeignMarkup {

  private static final Logger LOG = LoggerFactory.getLogger(ForeignMarkup.class);
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private ForeignMarkup() {}

  /**
   * Records that {@code what} ('attribute' or 'element') named {@code qualifiedName} is ignored.
   */
  static void ignored(String what, String qualifiedName, String namespace, String elementId) {
    String key = what + " " + namespace + " " + qualifiedName;
    if (LOGGED.add(key)) {
      LOG.info(
          "Ignoring the {} '{}' (namespace {}, first seen on '{}'): the engine, like Camunda 8, does"
              + " not execute that namespace",
          what,
          qualifiedName,
          namespace,
          elementId);
    }
  }

  /** The names ignored so far (for tests). */
  static boolean wasIgnored(String qualifiedName) {
    return LOGGED.stream().anyMatch(k -> k.endsWith(" " + qualifiedName));
  }
}
