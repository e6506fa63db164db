package nl.knooppunt.gateway.readmodel;

/**
 * Published (as a Spring application event) when the projector applied a new event to the read
 * model; listeners that must only see committed data listen after the commit. Also published, with
 * no transaction, when another gateway replica committed a change ({@link ReadModelListener}).
 *
 * @param type the event type, e.g. {@code knooppunt.taak.aangemaakt}
 * @param crisisId the crisis the event belongs to, if any
 */
public record ReadModelChanged(String type, String crisisId) {}
