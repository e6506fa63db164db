package nl.knooppunt.processes.events;

/**
 * {@link EventType#MELDINGRONDE_VERSTUURD}: every notice of a round is out (the public
 * communication may follow; acknowledgements still come in). Produced by the workers. Id {@code
 * <reference>#ronde-verstuurd}.
 *
 * @param reference the round ({@code <crisis>/<round>})
 * @param sent how many notices went out
 * @param origin the job
 */
public record RoundSent(String reference, int sent, Origin origin) implements EventPayload {}
