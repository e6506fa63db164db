package nl.knooppunt.processes.variables;

/**
 * Outcome of phase 1 of informeer-gezagen per recipient ({@code verzendingen} is a list of these):
 * the notice was sent, or the primary channel was unreachable, in which case phase 2 goes straight
 * to the fallback contact.
 *
 * @param ontvanger the recipient
 * @param notificatieId correlation key: {@code referentie + "/" + ontvanger.code}
 * @param bereikbaar false when the send task threw {@code ONTVANGER_ONBEREIKBAAR}
 */
public record Dispatch(Recipient ontvanger, String notificatieId, boolean bereikbaar) {}
