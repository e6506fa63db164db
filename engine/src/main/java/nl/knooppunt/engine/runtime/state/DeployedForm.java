package nl.knooppunt.engine.runtime.state;

/** One version of a deployed Camunda form (linked to user tasks by {@code formId}). */
public final class DeployedForm {
  public long key;
  public String formId;
  public int version;
  public String resourceName;
  public String checksum;
  public long deploymentKey;
}
