package nl.knooppunt.processes.variabelen;

/** Request to extend a deployment (from the message variables). */
public record Verlengingsverzoek(String tot, String reden, String aangevraagdDoor) {}
