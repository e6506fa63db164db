package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/** BPMN error codes the workers throw and the models catch. */
public enum ErrorCode {
  /** The proposer of a decision tried to decide it (four eyes). */
  VIER_OGEN_GESCHONDEN,
  /** Public communication lacks one of its three aims (inform, course of action, meaning). */
  COMMUNICATIE_ONVOLLEDIG,
  /** The area (province/region/municipality codes) is unknown. */
  GEBIED_ONBEKEND,
  /** The primary channel of a recipient cannot be reached; go to the fallback contact. */
  ONTVANGER_ONBEREIKBAAR,
  /** The assistance request is invalid (missing fields, unknown region, legal route mismatch). */
  AANVRAAG_ONGELDIG;

  /** The {@code errorCode} attribute in the BPMN. */
  public String code() {
    return name();
  }

  public static Optional<ErrorCode> of(String code) {
    return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
  }
}
