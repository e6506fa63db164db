package nl.knooppunt.processes.variables;

/**
 * The person the national operator calls about a recipient that stays silent ({@code belContact}):
 * one link of the recipient's contact chain in the directory.
 *
 * @param ontvanger the recipient's directory code
 * @param volgorde place in the chain, from 1
 * @param positie HOUDER, PLAATSVERVANGER or OFFICIER_VAN_DIENST
 * @param naam the person, as the call task shows it
 * @param functie the person's function, e.g. "loco-burgemeester"
 * @param telefoon the number to dial; null when the register has none
 * @param demo true for a fictional demo contact (the page says "demonummer")
 */
public record CallContact(
    String ontvanger,
    int volgorde,
    Position positie,
    String naam,
    String functie,
    String telefoon,
    boolean demo) {

  public enum Position {
    HOUDER,
    PLAATSVERVANGER,
    OFFICIER_VAN_DIENST
  }
}
