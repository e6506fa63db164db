package nl.knooppunt.gateway.web;

import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.processes.Labels;
import org.springframework.stereotype.Component;

/**
 * The catalogue's Dutch words for templates: {@code ${@woorden.fase(c.status)}}, {@code
 * ${@woorden.waarde(d.decision)}}.
 */
@Component("woorden")
public class Words {

  /** A phase of a crisis in words. */
  public String fase(String status) {
    return Labels.phase(status);
  }

  /**
   * The colour of a phase label: grey when the crisis is closed, red when the phase demands
   * attention (a level 5 expired without a decision), blue otherwise.
   */
  public String faseKleur(String status, boolean closed) {
    if (closed) {
      return "grijs";
    }
    return Labels.isAlarm(status) ? "rood" : "blauw";
  }

  /** A choice, decision or kind in words. */
  public String waarde(String value) {
    return Labels.value(value);
  }

  /** A process in words. */
  public String proces(String processId) {
    return Labels.process(processId);
  }

  /** The Dutch name of a crisis type. */
  public static String typeName(CrisisType type) {
    if (type == null) {
      return "Onbekend";
    }
    return switch (type) {
      case DREIGINGSNIVEAU_5 -> "Dreigingsniveau 5";
      case MANHUNT -> "Manhunt";
      case BIJSTANDSAANVRAAG -> "Bijstandsaanvraag";
    };
  }
}
