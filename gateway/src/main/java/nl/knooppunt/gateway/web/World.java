package nl.knooppunt.gateway.web;

import jakarta.servlet.http.HttpSession;

/**
 * Which world the pages show: real crises or exercises, never mixed. The choice lives in the user's
 * session; every page that shows exercises carries the OEFENING banner.
 */
public final class World {

  static final String SESSION_KEY = "knooppunt.oefening";

  private World() {}

  /** True when the user looks at exercises. */
  public static boolean exercise(HttpSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_KEY));
  }

  static void choose(HttpSession session, boolean exercise) {
    session.setAttribute(SESSION_KEY, exercise);
  }
}
