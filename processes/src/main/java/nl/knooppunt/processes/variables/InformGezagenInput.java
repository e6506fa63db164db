package nl.knooppunt.processes.variables;

import java.util.List;

/**
 * The input of the informeer-gezagen call activity.
 *
 * @param referentie unique per round, e.g. {@code crisisId + "/afkondiging"}
 * @param slaBevestiging ISO 8601 duration before the fallback contact, and again before the call
 *     task
 */
public record InformGezagenInput(
    String crisisId,
    boolean exercise,
    List<Recipient> ontvangers,
    NoticeContent bericht,
    String referentie,
    String slaBevestiging) {}
