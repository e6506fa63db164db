package nl.knooppunt.productioncheck;

import java.util.Set;

/**
 * The rules of the Camunda client (gateway and workers alike): a cluster to talk to (gRPC and REST
 * address, or a SaaS cluster) and authentication, OIDC client credentials against the identity
 * provider's token endpoint or basic. An address on this machine is accepted only with
 * authentication (e.g. a sidecar proxy), or with {@value ProductionCheck#ALLOW_LOOPBACK}.
 */
public final class CamundaClientRules {

  public static final String GRPC_ADDRESS = "camunda.client.grpc-address";
  public static final String REST_ADDRESS = "camunda.client.rest-address";
  public static final String MODE = "camunda.client.mode";
  public static final String AUTH_METHOD = "camunda.client.auth.method";
  public static final String CLIENT_ID = "camunda.client.auth.client-id";
  public static final String CLIENT_SECRET = "camunda.client.auth.client-secret";
  public static final String TOKEN_URL = "camunda.client.auth.token-url";
  public static final String USERNAME = "camunda.client.auth.username";
  public static final String PASSWORD = "camunda.client.auth.password";
  public static final String CLUSTER_ID = "camunda.client.cloud.cluster-id";
  public static final String REGION = "camunda.client.cloud.region";

  private static final Set<String> AUTH_METHODS = Set.of("oidc", "basic");

  private CamundaClientRules() {}

  /**
   * @param application who the client is, in the messages: {@code "the workers"}
   */
  public static Rule of(String application) {
    return Rules.all(
        Rules.when(
            CamundaClientRules::saas,
            Rules.required(CLUSTER_ID, "the Camunda SaaS cluster id"),
            Rules.required(REGION, "the Camunda SaaS region"),
            Rules.required(CLIENT_ID, "the client id of the cluster's API client"),
            Rules.required(CLIENT_SECRET, "the client secret of the cluster's API client")),
        Rules.when(
            i -> !saas(i),
            endpoint(GRPC_ADDRESS, "the gRPC address of the Camunda 8 gateway"),
            endpoint(REST_ADDRESS, "the REST address of the Camunda 8 cluster"),
            CamundaClientRules::authMethod,
            Rules.when(
                i -> "oidc".equals(i.lowerCaseValue(AUTH_METHOD)),
                Rules.required(CLIENT_ID, "the OAuth client id of " + application),
                Rules.required(CLIENT_SECRET, "the OAuth client secret of " + application),
                Rules.remoteAddress(
                    TOKEN_URL,
                    "the token endpoint of the identity provider",
                    "use the identity provider's address")),
            Rules.when(
                i -> "basic".equals(i.lowerCaseValue(AUTH_METHOD)),
                Rules.required(
                    USERNAME, "the user of " + application + " for basic authentication"),
                Rules.required(
                    PASSWORD, "the password of " + application + " for basic authentication"))));
  }

  private static boolean saas(Inspection i) {
    return "saas".equals(i.lowerCaseValue(MODE));
  }

  private static boolean authenticated(Inspection i) {
    String method = i.lowerCaseValue(AUTH_METHOD);
    return method != null && !method.equals("none");
  }

  private static void authMethod(Inspection i) {
    String method = i.lowerCaseValue(AUTH_METHOD);
    if (method == null || !AUTH_METHODS.contains(method)) {
      i.problem(
          AUTH_METHOD,
          "is "
              + (method == null ? "not set" : "'" + method + "'")
              + ": a production cluster needs authentication, set it to 'oidc' (or 'basic')");
    }
  }

  private static Rule endpoint(String name, String what) {
    return i -> {
      String address = i.value(name);
      if (address == null) {
        i.problem(name, "is not set: " + what);
      } else if (!i.allowLoopback() && !authenticated(i) && Hosts.anyLoopback(address)) {
        i.problem(
            name,
            "is '"
                + address
                + "' (this machine, no authentication): the embedded engine's default; "
                + "point it at the Camunda 8 cluster");
      }
    };
  }
}
