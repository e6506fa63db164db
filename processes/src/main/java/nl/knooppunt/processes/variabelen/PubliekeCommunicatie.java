package nl.knooppunt.processes.variabelen;

import java.util.List;

/**
 * Public communication with its three aims: inform society, limit harm by a course of action
 * (handelingsperspectief), give meaning (duiding).
 */
public record PubliekeCommunicatie(
    Fase fase,
    String informeren,
    String handelingsperspectief,
    String duiding,
    List<Kanaal> kanalen) {
  public enum Fase {
    AFKONDIGING,
    AFSCHALING
  }

  public enum Kanaal {
    PERSBERICHT,
    NL_ALERT,
    CRISIS_NL,
    SOCIALE_MEDIA,
    WEBSITE
  }

  /** All three aims are filled in. */
  public boolean isVolledig() {
    return notBlank(informeren) && notBlank(handelingsperspectief) && notBlank(duiding);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
