package nl.knooppunt.engine;

/** Size limits of the embedded engine (documented in the README). */
public final class Limits {
  /** Largest gRPC message accepted (deployments included): 4 MiB, as Camunda's default. */
  public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** Largest variables document of one command (JSON, UTF-8): 1 MiB. */
  public static final int MAX_VARIABLES_BYTES = 1024 * 1024;

  /** Largest REST request body: 1 MiB plus a little for the envelope. */
  public static final int MAX_REST_BODY_BYTES = MAX_VARIABLES_BYTES + 64 * 1024;

  private Limits() {}
}
