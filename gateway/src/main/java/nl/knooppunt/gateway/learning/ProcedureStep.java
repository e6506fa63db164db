package nl.knooppunt.gateway.learning;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.processes.Form;

/**
 * The procedure steps a region performs, which findings are about and which the uniformity page
 * compares across the regions. Each step but the acknowledgement is a user task of a region (its
 * form); acknowledging a notice is measured from the notice sent to its acknowledgement.
 */
public enum ProcedureStep {
  AFSTEMMING_LOKAAL_GEZAG("Afstemmen met lokaal gezag", Form.AFSTEMMING_LOKAAL_GEZAG),
  MELDING_BEVESTIGEN("Melding bevestigen", null),
  BEVESTIGING_OPSCHALING("GRIP-opschaling bevestigen", Form.BEVESTIGING_OPSCHALING),
  AANBOD_BIJSTAND("Bijstandsaanbod beantwoorden", Form.AANBOD_BIJSTAND),
  INFORMATIE_DELEN("Informatie aanleveren", Form.INFORMATIE_DELEN);

  private final String label;
  private final Form form;

  ProcedureStep(String label, Form form) {
    this.label = label;
    this.form = form;
  }

  /** The Dutch name on the pages. */
  public String label() {
    return label;
  }

  /** The form of the region's user task; empty for the acknowledgement of a notice. */
  public Optional<Form> form() {
    return Optional.ofNullable(form);
  }

  /** Whether this is the code of a step. */
  public static boolean known(String code) {
    return Arrays.stream(values()).anyMatch(s -> s.name().equals(code));
  }

  /** The step of a code, if it is one. */
  public static Optional<ProcedureStep> of(String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }

  /** The step of a user task's form, if a region's step has that form. */
  public static Optional<ProcedureStep> ofForm(String formKey) {
    return Arrays.stream(values())
        .filter(s -> s.form != null && s.form.key().equals(formKey))
        .findFirst();
  }

  /** The label of a code, or the code itself when it is no step. */
  public static String label(String code) {
    return of(code).map(ProcedureStep::label).orElse(code);
  }

  /** Every step in order. */
  public static List<ProcedureStep> all() {
    return List.of(values());
  }
}
