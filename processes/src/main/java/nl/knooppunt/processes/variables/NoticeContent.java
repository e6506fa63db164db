package nl.knooppunt.processes.variables;

/**
 * The content of a notification round, in parts: the worker composes the notice that goes out (one
 * fact per line) from them, adds what is expected of the recipient ({@link Kind#expectation()}),
 * the hub's 24/7 contact line, and the OEFENING marking when {@code exercise} is true. The parts
 * travel separately too, so a page can show them on their own.
 *
 * @param soort what kind of notice it is
 * @param onderwerp the subject, one line
 * @param tekst what happened, one line (no times in it: those are in {@code geldigTot})
 * @param gebied the name of the area it is about, e.g. "provincie Utrecht"; optional
 * @param geldigTot ISO 8601 instant until which the decision holds (declaring, extending); optional
 * @param niveau the threat level in force after the decision (1..5); optional
 */
public record NoticeContent(
    Kind soort, String onderwerp, String tekst, String gebied, String geldigTot, Integer niveau) {

  /** The kinds of notice, each with a Dutch label and what the recipient is expected to do. */
  public enum Kind {
    AFKONDIGING(
        "Afkondiging dreigingsniveau 5",
        "Dreigingsniveau 5 betekent dat er zeer concrete aanwijzingen zijn dat een aanslag zal"
            + " plaatsvinden. Activeer uw crisisorganisatie volgens uw plan en neem de maatregelen"
            + " voor uw rol hieronder.",
        true),
    VERLENGING(
        "Verlenging dreigingsniveau 5",
        "Dreigingsniveau 5 blijft langer van kracht. Houd uw crisisorganisatie en maatregelen in"
            + " stand volgens uw plan tot de nieuwe eindtijd; de maatregelen voor uw rol staan"
            + " hieronder.",
        true),
    AFSCHALING(
        "Afschaling dreigingsniveau",
        "Dreigingsniveau 5 is niet meer van kracht; het nieuwe niveau geldt direct. Schaal uw"
            + " maatregelen en crisisorganisatie af volgens uw plan."),
    NIET_AFGEKONDIGD(
        "Geen dreigingsniveau 5",
        "Er wordt geen dreigingsniveau 5 afgekondigd. Voor u is geen actie nodig."),
    MANHUNT(
        "Manhunt",
        "Er wordt gezocht naar een voortvluchtige dader. Wees alert, informeer uw eigen"
            + " organisatie volgens uw plan en deel waarnemingen direct met de politie."),
    AFSCHALING_MANHUNT(
        "Einde manhunt",
        "De manhunt is voorbij. Schaal de extra inzet en alertheid voor deze manhunt af volgens"
            + " uw plan."),
    BIJSTAND_TOEGEKEND(
        "Bijstand toegekend",
        "Levert u bijstand: bereid de inzet voor en stem vertrek en aankomst af met de"
            + " aanvragende regio. Heeft u bijstand gevraagd: bereid de ontvangst van de eenheden"
            + " voor."),
    BEREIKBAARHEIDSTEST(
        "Bereikbaarheidstest",
        "Dit is een test van de bereikbaarheid van uw contactketen; er is niets aan de hand."
            + " Bevestig de ontvangst met de link in dit bericht."),
    BIJSTAND_AFGEWEZEN(
        "Bijstand afgewezen",
        "De gevraagde bijstand komt niet via deze aanvraag. De motivering staat in het Landelijk"
            + " Knooppunt; neem bij vragen contact op met het LOCC.");

    private final String label;
    private final String expectation;
    private final boolean carriesMeasures;

    Kind(String label, String expectation) {
      this(label, expectation, false);
    }

    Kind(String label, String expectation, boolean carriesMeasures) {
      this.label = label;
      this.expectation = expectation;
      this.carriesMeasures = carriesMeasures;
    }

    /**
     * Whether the notice lists the level-5 measures for the recipient's role (declaring and
     * extending level 5): the version of the list in force when it is sent.
     */
    public boolean carriesMeasures() {
      return carriesMeasures;
    }

    /** How a page or a notice names this kind, in Dutch. */
    public String label() {
      return label;
    }

    /**
     * What the recipient is expected to do, in plain Dutch for a mayor or a regional duty officer.
     * The request to confirm receipt is a line of its own in the notice.
     */
    public String expectation() {
      return expectation;
    }
  }
}
