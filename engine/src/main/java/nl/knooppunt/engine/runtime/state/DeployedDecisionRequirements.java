package nl.knooppunt.engine.runtime.state;

/** One version of a deployed DMN resource (its decision requirements graph, DRG). */
public final class DeployedDecisionRequirements {
  public long key;
  public String decisionRequirementsId;
  public String name;
  public int version;
  public String resourceName;
  public String checksum;
  public long deploymentKey;
  public byte[] resource;
}
