package nl.knooppunt.gateway.events;

/** The CloudEvents {@code source} of what the gateway produces. */
public final class Sources {

  /** Source of the events the gateway itself produces. */
  public static final String GATEWAY = "/knooppunt/gateway";

  private Sources() {}
}
