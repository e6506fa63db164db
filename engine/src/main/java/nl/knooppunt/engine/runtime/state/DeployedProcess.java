package nl.knooppunt.engine.runtime.state;

/** One version of a deployed process, with the resource it came from. */
public final class DeployedProcess {
  public long key;
  public String bpmnProcessId;
  public int version;
  public String resourceName;
  public String checksum;
  public long deploymentKey;
  public byte[] resource;
}
