package nl.knooppunt.directory;

/** A gemeente by its CBS code (GMxxxx) and the veiligheidsregio it belongs to. */
public record Municipality(String code, String name, String regionCode) {}
