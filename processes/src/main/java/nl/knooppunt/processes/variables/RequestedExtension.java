package nl.knooppunt.processes.variables;

/** Request to extend a deployment (from the message variables). */
public record RequestedExtension(String tot, String reden, String aangevraagdDoor) {}
