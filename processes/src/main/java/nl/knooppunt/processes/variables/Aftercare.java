package nl.knooppunt.processes.variables;

/**
 * The aftercare (nazorg) of responders that a region arranged after a manhunt, or after a level 5
 * that followed an attack: what was arranged, whether psychosocial support was offered, and who
 * recorded it.
 */
public record Aftercare(
    String vrCode, String geregeld, Boolean psychosocialeOpvang, String nazorgDoor) {}
