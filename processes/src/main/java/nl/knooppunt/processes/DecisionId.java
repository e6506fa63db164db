package nl.knooppunt.processes;

/**
 * The DMN decisions of the hub, with the classpath resource that holds each table: rules that
 * functional administrators own and change in Camunda Modeler, not in Java (issue #17).
 */
public enum DecisionId {
  /** The GRIP advice of a manhunt (motive, region → advised GRIP level). */
  GRIP_ADVIES("GripAdvies", "grip-advies"),
  /**
   * The SLA per step and process (bpmnProcessId → per step an ISO 8601 duration): every process
   * evaluates it at its start (business rule task {@code Sla_Termijnen_Bepalen}) into {@link
   * Variable#TERMIJNEN}; due dates and SLA timers read their term from there.
   */
  SLA_TERMIJNEN("SlaTermijnen", "sla-termijnen");

  /** Folder on the classpath with the DMN files. */
  public static final String DMN_FOLDER = "dmn/";

  private final String id;
  private final String file;

  DecisionId(String id, String file) {
    this.id = id;
    this.file = file;
  }

  /** The {@code decisionId} a business rule task calls. */
  public String id() {
    return id;
  }

  /** The classpath resource of the table, e.g. {@code dmn/grip-advies.dmn}. */
  public String resource() {
    return DMN_FOLDER + file + ".dmn";
  }

  @Override
  public String toString() {
    return id;
  }
}
