package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/** The BPMN process ids of the hub, with the classpath resource that holds each model. */
public enum ProcessId {
  /** Declare, extend and lower threat level 5 for (part of) the country. */
  DREIGINGSNIVEAU_5("dreigingsniveau-5"),
  /** Manhunt after an (possibly terrorist) attack with perpetrator(s) at large. */
  MANHUNT("manhunt"),
  /** Assistance between veiligheidsregio's (Wvr art. 51, art. 51 lid 5, Politiewet art. 56). */
  BIJSTANDSAANVRAAG("bijstandsaanvraag"),
  /** Reusable notify-and-acknowledge subprocess, called by the other three. */
  INFORMEER_GEZAGEN("informeer-gezagen");

  /** Folder on the classpath with the BPMN files. */
  public static final String BPMN_FOLDER = "bpmn/";

  private final String id;

  ProcessId(String id) {
    this.id = id;
  }

  /** The {@code bpmnProcessId}. */
  public String id() {
    return id;
  }

  /** The classpath resource of the model, e.g. {@code bpmn/manhunt.bpmn}. */
  public String resource() {
    return BPMN_FOLDER + id + ".bpmn";
  }

  /** Whether this is a crisis process that ends with an evaluation (PDCA) task. */
  public boolean endsWithEvaluation() {
    return this != INFORMEER_GEZAGEN;
  }

  public static Optional<ProcessId> of(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
