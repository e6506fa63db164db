package nl.knooppunt.gateway.contact;

/** The settings of the contact register. */
public final class ContactSettings {

  /**
   * Whether the hub may use demo contacts: true in the embedded default (authorities without a
   * register chain show, and the workers use, the demo contact book); false in profile production,
   * where a gateway with demo contacts allowed or a demo person in the register refuses to start.
   */
  public static final String DEMO_ALLOWED =
      nl.knooppunt.gateway.config.GatewayProductionSettings.DEMO_CONTACTS;

  private ContactSettings() {}
}
