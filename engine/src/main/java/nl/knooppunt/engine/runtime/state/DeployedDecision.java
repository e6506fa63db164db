package nl.knooppunt.engine.runtime.state;

/** One version of a deployed DMN decision (called by business rule tasks by {@code decisionId}). */
public final class DeployedDecision {
  public long key;
  public String decisionId;
  public String name;
  public int version;
  public String decisionRequirementsId;
  public long decisionRequirementsKey;
  public long deploymentKey;
}
