package nl.knooppunt.gateway.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The pages' sign-in in the {@code production} profile: OIDC authorization code flow at the same
 * issuer whose bearer tokens the API accepts ({@code knooppunt.oidc.*}, endpoints by Keycloak's
 * conventions unless set). The user of a page session is read from the access token with the same
 * decoder and claim mapping as the API ({@link JwtUsers}), so a role means the same on a page and
 * in the API, and no extra ID-token mappers are needed in the realm.
 */
@ConfigurationProperties("knooppunt.oidc")
public class OidcLogin {

  /** The registration id: the login starts at {@code /oauth2/authorization/knooppunt}. */
  public static final String REGISTRATION = "knooppunt";

  public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION;

  /** The pages' client in the realm: public, with PKCE (deploy/compose/keycloak). */
  private String clientId = "knooppunt-web";

  /** Only for a confidential client; empty: a public client with PKCE. */
  private String clientSecret;

  /** The issuer; empty: the resource server's {@code issuer-uri}. */
  private String issuerUri;

  /**
   * Where the browser signs in, when the browser reaches the provider at another address than the
   * gateway does (empty: {@code <issuer>/protocol/openid-connect/auth}).
   */
  private String authorizationUri;

  /** Where the browser signs out (empty: {@code <issuer>/protocol/openid-connect/logout}). */
  private String logoutUri;

  /**
   * Where the gateway redeems the code, when it reaches the provider at another address than the
   * browser (empty: {@code <issuer>/protocol/openid-connect/token}).
   */
  private String tokenUri;

  /** The user's signed-in page session: an OIDC user that carries its {@link KnooppuntUser}. */
  public static final class KnooppuntOidcUser extends DefaultOidcUser {
    private static final long serialVersionUID = 1L;

    /** Kept with the session (not transient): another replica reads it back (docs/adr/0038). */
    private final KnooppuntUser user;

    KnooppuntOidcUser(OidcUser oidc, KnooppuntUser user) {
      super(JwtUsers.authorities(user), oidc.getIdToken(), oidc.getUserInfo());
      this.user = user;
    }

    public KnooppuntUser user() {
      return user;
    }

    @Override
    public String getName() {
      return user.username();
    }
  }

  /**
   * The client registration of the pages.
   *
   * @param resourceServerIssuer the API's issuer, used when {@code knooppunt.oidc.issuer-uri} is
   *     empty
   * @param resourceServerKeys the API's key set address, if set (the gateway's own route to the
   *     provider)
   */
  public ClientRegistrationRepository registrations(
      String resourceServerIssuer, String resourceServerKeys) {
    String issuer = blank(issuerUri) ? resourceServerIssuer : issuerUri;
    if (blank(issuer)) {
      throw new IllegalStateException(
          "Profile production needs knooppunt.oidc.issuer-uri or"
              + " spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    String endpoints = base + "/protocol/openid-connect";
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(REGISTRATION)
            .clientId(clientId)
            .clientSecret(blank(clientSecret) ? null : clientSecret)
            .clientAuthenticationMethod(
                blank(clientSecret)
                    ? ClientAuthenticationMethod.NONE
                    : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri(blank(authorizationUri) ? endpoints + "/auth" : authorizationUri)
            .tokenUri(blank(tokenUri) ? endpoints + "/token" : tokenUri)
            .jwkSetUri(blank(resourceServerKeys) ? endpoints + "/certs" : resourceServerKeys)
            .issuerUri(issuer)
            .userNameAttributeName("sub")
            .providerConfigurationMetadata(
                Map.of(
                    "end_session_endpoint", blank(logoutUri) ? endpoints + "/logout" : logoutUri))
            .clientName("Organisatie-account")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /**
   * Reads the user from the access token of the login (checked by the API's decoder: signature,
   * issuer, expiry), after the ID token was checked by the standard OIDC service.
   */
  public static OAuth2UserService<OidcUserRequest, OidcUser> userService(
      JwtDecoder decoder, JwtUsers users) {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser oidc = standard.loadUser(request);
      KnooppuntUser user = users.user(decoder.decode(request.getAccessToken().getTokenValue()));
      return new KnooppuntOidcUser(oidc, user);
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getIssuerUri() {
    return issuerUri;
  }

  public void setIssuerUri(String issuerUri) {
    this.issuerUri = issuerUri;
  }

  public String getAuthorizationUri() {
    return authorizationUri;
  }

  public void setAuthorizationUri(String authorizationUri) {
    this.authorizationUri = authorizationUri;
  }

  public String getTokenUri() {
    return tokenUri;
  }

  public void setTokenUri(String tokenUri) {
    this.tokenUri = tokenUri;
  }

  public String getLogoutUri() {
    return logoutUri;
  }

  public void setLogoutUri(String logoutUri) {
    this.logoutUri = logoutUri;
  }
}
