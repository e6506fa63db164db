package nl.knooppunt.processes.variables;

import java.util.List;

/**
 * Public communication with its three aims: inform society, limit harm by a course of action
 * (handelingsperspectief), give meaning (duiding).
 */
public record PublicCommunication(
    Phase fase,
    String informeren,
    String handelingsperspectief,
    String duiding,
    List<Channel> kanalen) {
  public enum Phase {
    AFKONDIGING,
    VERLENGING,
    AFSCHALING
  }

  public enum Channel {
    PERSBERICHT,
    NL_ALERT,
    CRISIS_NL,
    SOCIALE_MEDIA,
    WEBSITE
  }

  /** All three aims are filled in. */
  public boolean isComplete() {
    return notBlank(informeren) && notBlank(handelingsperspectief) && notBlank(duiding);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
