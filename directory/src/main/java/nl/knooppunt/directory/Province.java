package nl.knooppunt.directory;

/** A province, by its CBS code (PV20–PV31). */
public record Province(String code, String name) {}
