package nl.knooppunt.productioncheck;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The generic rules a production profile is made of. */
public final class Rules {

  private Rules() {}

  /** The setting must be set: {@code "<name> (<ENV>) is not set: <what>"}. */
  public static Rule required(String name, String what) {
    return i -> {
      if (i.value(name) == null) {
        i.problem(name, "is not set: " + what);
      }
    };
  }

  /**
   * When set, the setting must not name this machine (a server of the embedded default), unless
   * {@value ProductionCheck#ALLOW_LOOPBACK} is {@code true}: {@code "<name> (<ENV>) is '<value>'
   * (this machine): <hint>"}.
   */
  public static Rule notOnThisMachine(String name, String hint) {
    return i -> {
      String v = i.value(name);
      if (v != null && !i.allowLoopback() && Hosts.anyLoopback(v)) {
        i.problem(name, "is '" + v + "' (this machine): " + hint);
      }
    };
  }

  /** Set, and not on this machine (see {@link #notOnThisMachine}). */
  public static Rule remoteAddress(String name, String what, String hint) {
    return all(required(name, what), notOnThisMachine(name, hint));
  }

  /**
   * The setting must not keep a value that only makes sense in the embedded default (compared
   * without regard to case): {@code "<name> (<ENV>) is '<value>', the embedded default: <hint>"}.
   */
  public static Rule notEmbeddedDefault(String name, String embeddedDefault, String hint) {
    return i -> {
      String v = i.value(name);
      if (v != null
          && v.toLowerCase(Locale.ROOT).equals(embeddedDefault.toLowerCase(Locale.ROOT))) {
        i.problem(name, "is '" + v + "', the embedded default: " + hint);
      }
    };
  }

  /** The rules, in order. */
  public static Rule all(Rule... rules) {
    List<Rule> list = List.of(rules);
    return i -> list.forEach(r -> r.check(i));
  }

  /** The rules, only when the condition holds (e.g. only for {@code auth.method=oidc}). */
  public static Rule when(Predicate<Inspection> condition, Rule... rules) {
    Rule all = all(rules);
    return i -> {
      if (condition.test(i)) {
        all.check(i);
      }
    };
  }
}
