package nl.knooppunt.processes.variabelen;

/** Decision on an extension; {@code nieuwEinde} is ISO 8601. */
public record Verlengingsbesluit(
    BesluitBijstand.Uitkomst uitkomst, String nieuwEinde, String motivering, String beslisser) {}
