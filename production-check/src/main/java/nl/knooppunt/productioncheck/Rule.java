package nl.knooppunt.productioncheck;

/**
 * One rule of an application's production profile: looks at settings and reports a problem per
 * offending setting. Build rules with {@link Rules}; an application lists its rules in a {@link
 * ProductionCheck}.
 */
@FunctionalInterface
public interface Rule {

  void check(Inspection inspection);
}
