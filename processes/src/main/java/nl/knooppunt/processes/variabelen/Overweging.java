package nl.knooppunt.processes.variabelen;

/** The NCTV's consideration of threat level 5 during a manhunt with a possible terrorist motive. */
public record Overweging(Boolean voorstellen, Gebied gebied, String reden, String beslisser) {}
