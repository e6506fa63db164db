package nl.knooppunt.processes.variables;

/** Decision on an extension; {@code nieuwEinde} is ISO 8601. */
public record ExtensionDecision(
    AssistanceDecision.Outcome uitkomst, String nieuwEinde, String motivering, String beslisser) {}
