package nl.knooppunt.processes.variables;

/**
 * The joint risk assessment before a deployment under threat (LCP EGT: "acceptabel risico voor
 * hulpverleners na een gezamenlijk risico-assessment").
 *
 * @param deelnemers who assessed together (requester, suppliers, police)
 * @param risicos the risks for the responders
 * @param maatregelen the measures that make the risk acceptable (ring, protection, escort)
 * @param acceptabelRisico whether the risk is acceptable; if not, the units are not deployed
 * @param beoordeeldDoor who recorded it
 */
public record AssistanceRiskAssessment(
    String deelnemers,
    String risicos,
    String maatregelen,
    boolean acceptabelRisico,
    String beoordeeldDoor) {}
