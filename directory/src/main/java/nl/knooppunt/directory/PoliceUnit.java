package nl.knooppunt.directory;

/**
 * A regional police unit (regionale eenheid) and the arrondissementsparket of the same court
 * district.
 */
public record PoliceUnit(
    String code, String name, String prosecutorOfficeCode, String prosecutorOfficeName) {}
