package nl.knooppunt.processes.variables;

/** The NCTV's consideration of threat level 5 during a manhunt with a possible terrorist motive. */
public record LevelFiveConsideration(
    Boolean voorstellen, LevelFiveArea gebied, String reden, String beslisser) {}
