package nl.knooppunt.directory;

/** A veiligheidsregio (VR01–VR25), in one province, served by one police unit. */
public record SafetyRegion(String code, String name, String provinceCode, String policeUnitCode) {}
