package nl.knooppunt.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Authentication: local accounts (form login for pages, HTTP Basic for the API) in the embedded
 * default; an OAuth2 resource server (JWT) in the {@code production} profile. Which role may call
 * which operation is decided per operation in {@link AccessPolicy}; scope (region, unit,
 * municipality) in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LocalAccounts.class, JwtUsers.class, OidcLogin.class})
class SecurityConfig {

  /**
   * Reachable without login: health, hub info, the contract and Swagger UI, the page of the
   * personal acknowledgement link.
   */
  static final String[] PUBLIC = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/api/v1/info",
    "/openapi/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/v3/api-docs/**",
    "/error",
    "/login",
    "/toegankelijkheid",
    // the personal link in an e-mail or SMS: the token is the proof (docs/adr/0034)
    "/bevestigen/**",
    "/favicon.ico",
    "/css/**",
    "/js/**",
    "/img/**",
    "/webjars/**"
  };

  static final RequestMatcher API = new AntPathRequestMatcher("/api/**");

  /**
   * Public paths; the actuator's other endpoints (metrics, details) for the administrator or on the
   * management port (not reachable from outside, see docs/operations.md); else a login. The async
   * dispatch of a live-update stream (SSE) belongs to a request that was authorized when it began;
   * after a logout it must be able to finish.
   */
  private static Customizer<
          AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
      authorize(RequestMatcher managementPort) {
    return a ->
        a.dispatcherTypeMatchers(DispatcherType.ASYNC)
            .permitAll()
            .requestMatchers(PUBLIC)
            .permitAll()
            .requestMatchers(managementPort)
            .permitAll()
            .requestMatchers("/actuator/**")
            .hasRole(Rol.BEHEERDER.name())
            .anyRequest()
            .authenticated();
  }

  /**
   * Requests that came in on a separate management port ({@code management.server.port}); none when
   * the actuator shares the application's port.
   */
  static RequestMatcher managementPort(Environment env) {
    Integer management = env.getProperty("management.server.port", Integer.class);
    int server = env.getProperty("server.port", Integer.class, 8080);
    if (management == null || management <= 0 || management == server) {
      return r -> false;
    }
    return r -> r.getLocalPort() == management;
  }

  /**
   * What a page may load and where it may send: scripts only from the hub itself (no inline script,
   * no eval), no framing, forms only to the hub; style attributes are allowed (progress bars).
   * Referrer only to the hub itself; no camera, microphone, location.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  /**
   * The API and the actuator, in both setups: no session (so no CSRF token), the same access rules,
   * problems for 401/403, the security headers; the setup adds how a caller proves who it is.
   */
  static void statelessApi(
      HttpSecurity http, ObjectMapper json, Environment env, AuthenticationEntryPoint api)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(authorize(managementPort(env)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(api).accessDeniedHandler(accessDenied(json)));
    headers(http);
  }

  static void headers(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
  }

  /**
   * The type of a problem the filter chain answers itself (before any controller): the same types
   * as {@code nl.knooppunt.gateway.web.Problems}, which security does not depend on.
   */
  static java.net.URI problemType(String slug) {
    return java.net.URI.create("https://knooppunt.nl/problemen/" + slug);
  }

  static void writeProblem(
      ObjectMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail)
      throws IOException {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    switch (status) {
      case UNAUTHORIZED -> {
        p.setType(problemType("niet-ingelogd"));
        p.setTitle("Niet ingelogd");
      }
      case TOO_MANY_REQUESTS -> {
        p.setType(problemType("te-veel-pogingen"));
        p.setTitle("Te veel pogingen");
      }
      default -> {
        p.setType(problemType("geen-toegang"));
        p.setTitle("Geen toegang");
      }
    }
    p.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), p);
  }

  static AccessDeniedHandler accessDenied(ObjectMapper json) {
    return (request, response, e) ->
        writeProblem(
            json, request, response, HttpStatus.FORBIDDEN, "Geen toegang voor deze gebruiker.");
  }

  static AuthenticationEntryPoint apiEntryPoint(ObjectMapper json, String challenge) {
    return (request, response, e) -> {
      if (e instanceof GuardedAuthentication.ThrottledException t) {
        long seconds = Math.max(1, t.refusal().remaining(java.time.Instant.now()).toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        writeProblem(
            json,
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "Te veel mislukte inlogpogingen voor dit account of adres; probeer het over "
                + seconds
                + " seconden opnieuw.");
        return;
      }
      response.setHeader("WWW-Authenticate", challenge);
      writeProblem(
          json, request, response, HttpStatus.UNAUTHORIZED, "Log in om deze gegevens te zien.");
    };
  }

  /** A URL the firewall refuses (e.g. {@code //} or an encoded {@code /}) is a 400 problem. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, e) -> {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Deze URL wordt geweigerd.");
      p.setType(problemType("ongeldige-invoer"));
      p.setTitle("Ongeldige invoer");
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), p);
    };
  }

  /** The embedded default: seeded local accounts. */
  @Configuration(proxyBeanMethods = false)
  @Profile("!production")
  static class Local {

    @Bean
    PasswordEncoder passwordEncoder(LocalAccounts accounts) {
      return new BCryptPasswordEncoder(accounts.getBcryptStrength());
    }

    @Bean
    UserDetailsService localUsers(LocalAccounts accounts, PasswordEncoder encoder) {
      return accounts.userDetailsService(encoder);
    }

    @Bean
    LoginThrottle loginThrottle() {
      return new LoginThrottle(Clock.systemUTC());
    }

    /** Password check with throttling and a cache of verified credentials. */
    @Bean
    AuthenticationManager localAuthentication(
        UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
      DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
      passwords.setPasswordEncoder(encoder);
      return new ProviderManager(new GuardedAuthentication(passwords, throttle, Clock.systemUTC()));
    }

    /**
     * The API and the actuator: stateless, HTTP Basic on every request (verified credentials are
     * cached briefly), no session and therefore no CSRF token; a session cookie is not read here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain localApiChain(
        HttpSecurity http, ObjectMapper json, AuthenticationManager authentication, Environment env)
        throws Exception {
      AuthenticationEntryPoint api = apiEntryPoint(json, "Basic realm=\"knooppunt\"");
      statelessApi(http, json, env, api);
      http.authenticationManager(authentication).httpBasic(b -> b.authenticationEntryPoint(api));
      return http.build();
    }

    /**
     * The pages: form login and a session; every state-changing request carries the CSRF token (the
     * sign-in too); no Basic challenge.
     */
    @Bean
    @Order(2)
    SecurityFilterChain localPagesChain(
        HttpSecurity http, ObjectMapper json, AuthenticationManager authentication, Environment env)
        throws Exception {
      http.authorizeHttpRequests(authorize(managementPort(env)))
          .authenticationManager(authentication)
          .formLogin(
              f ->
                  f.loginPage("/login")
                      .defaultSuccessUrl("/", false)
                      .failureHandler(
                          (request, response, e) ->
                              response.sendRedirect(
                                  request.getContextPath()
                                      + (e instanceof GuardedAuthentication.ThrottledException
                                          ? "/login?wacht"
                                          : "/login?error")))
                      .permitAll())
          .logout(l -> l.logoutSuccessUrl("/login?uitgelogd"))
          .exceptionHandling(
              e ->
                  e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                      .accessDeniedHandler(accessDenied(json)));
      headers(http);
      return http.build();
    }
  }

  /** Production: OIDC bearer tokens (issuer from configuration). */
  @Configuration(proxyBeanMethods = false)
  @Profile("production")
  static class Production {

    /**
     * The token decoder: the issuer's public key ({@code public-key-location}) or key set ({@code
     * jwk-set-uri}) when configured, else discovery from {@code issuer-uri} on first use; the
     * issuer is checked whenever it is configured.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws IOException {
      OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
      String issuer = jwt.getIssuerUri();
      NimbusJwtDecoder decoder;
      if (jwt.getPublicKeyLocation() != null) {
        try (var in = jwt.getPublicKeyLocation().getInputStream()) {
          RSAPublicKey key = RsaKeyConverters.x509().convert(in);
          decoder = NimbusJwtDecoder.withPublicKey(key).build();
        }
      } else if (jwt.getJwkSetUri() != null) {
        decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
      } else if (issuer != null) {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
      } else {
        throw new IllegalStateException(
            "Profile production needs spring.security.oauth2.resourceserver.jwt.issuer-uri");
      }
      decoder.setJwtValidator(
          issuer == null
              ? JwtValidators.createDefault()
              : JwtValidators.createDefaultWithIssuer(issuer));
      return decoder;
    }

    /** The API and the actuator: bearer tokens only, no session. */
    @Bean
    @Order(1)
    SecurityFilterChain productionChain(
        HttpSecurity http, ObjectMapper json, JwtUsers jwtUsers, Environment env) throws Exception {
      AuthenticationEntryPoint api = apiEntryPoint(json, "Bearer");
      statelessApi(http, json, env, api);
      http.oauth2ResourceServer(
          o ->
              o.jwt(j -> j.jwtAuthenticationConverter(jwtUsers))
                  .authenticationEntryPoint(api)
                  .accessDeniedHandler(accessDenied(json)));
      return http.build();
    }

    @Bean
    ClientRegistrationRepository pageClients(
        OidcLogin login, OAuth2ResourceServerProperties properties) {
      return login.registrations(
          properties.getJwt().getIssuerUri(), properties.getJwt().getJwkSetUri());
    }

    /**
     * The pages: sign-in with the organisation account (OIDC authorization code flow), a session
     * with CSRF protection, sign-out at the provider too.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pagesChain(
        HttpSecurity http,
        ObjectMapper json,
        JwtDecoder decoder,
        JwtUsers jwtUsers,
        ClientRegistrationRepository clients,
        Environment env)
        throws Exception {
      OidcClientInitiatedLogoutSuccessHandler logout =
          new OidcClientInitiatedLogoutSuccessHandler(clients);
      logout.setPostLogoutRedirectUri("{baseUrl}/login?uitgelogd");
      http.authorizeHttpRequests(authorize(managementPort(env)))
          .oauth2Login(
              o ->
                  o.loginPage(OidcLogin.LOGIN_PATH)
                      .failureUrl("/login?error")
                      .userInfoEndpoint(
                          u -> u.oidcUserService(OidcLogin.userService(decoder, jwtUsers))))
          .logout(l -> l.logoutSuccessHandler(logout))
          .exceptionHandling(e -> e.accessDeniedHandler(accessDenied(json)));
      headers(http);
      http.headers(h -> h.httpStrictTransportSecurity(t -> t.maxAgeInSeconds(31_536_000)));
      return http.build();
    }
  }
}
