package nl.knooppunt.processes.variabelen;

import java.util.List;

/**
 * The input of the informeer-gezagen call activity.
 *
 * @param referentie unique per round, e.g. {@code crisisId + "/afkondiging"}
 * @param slaBevestiging ISO 8601 duration before the fallback contact, and again before the call
 *     task
 */
public record InformeerGezagenInvoer(
    String crisisId,
    boolean exercise,
    List<Ontvanger> ontvangers,
    Bericht bericht,
    String referentie,
    String slaBevestiging) {}
