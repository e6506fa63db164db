package nl.knooppunt.gateway.web;

import java.util.Set;
import java.util.function.Predicate;
import nl.knooppunt.gateway.security.KnooppuntUser;

/**
 * Who of the open live streams hears of a change (docs/adr/0031): a stream is fixed to its viewer
 * when it opens, and hears only of changes to crises that concern that viewer. A change that
 * belongs to no crisis (the measures, a level in force) reaches every stream.
 */
public interface StreamAudience {

  /**
   * The filter of one viewer: given the crises changed since the last event (none null), whether
   * one of them concerns the viewer.
   */
  Predicate<Set<String>> viewer(KnooppuntUser viewer);

  /** Every viewer hears of every change. */
  StreamAudience EVERYONE = viewer -> crises -> true;
}
