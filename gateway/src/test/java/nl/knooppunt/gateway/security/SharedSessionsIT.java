package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A page session lives in the read-model database (Spring Session JDBC, docs/adr/0038), so the
 * other gateway replica behind the round-robin proxy reads the same sign-in, world and CSRF token:
 * what this replica stored is read back from the database and deserialized as the other one would.
 */
class SharedSessionsIT extends GatewayITBase {

  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  @Test
  void theSignInAndTheChosenWorldAreReadBackFromTheDatabase() {
    Set<String> before = sessions.findByPrincipalName("regio-utrecht").keySet();
    PageClient regio = PageClient.login(port, "regio-utrecht");
    assertThat(regio.chooseWorld(true, "/taken").status()).isEqualTo(302);

    Set<String> stored = new HashSet<>(sessions.findByPrincipalName("regio-utrecht").keySet());
    stored.removeAll(before);
    assertThat(stored).as("the new session").hasSize(1);
    // read from its rows again, as another replica reads it
    Session session = sessions.findById(stored.iterator().next());
    SecurityContext security =
        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    assertThat(security.getAuthentication().getPrincipal())
        .isInstanceOfSatisfying(
            LocalAccounts.LocalUserDetails.class,
            d -> {
              assertThat(d.user().username()).isEqualTo("regio-utrecht");
              assertThat(d.user().vrCode()).isEqualTo("VR09");
              assertThat(d.user().roles()).contains(Rol.REGIO);
              assertThat(d.getPassword()).as("no password hash in the session store").isNull();
            });
    assertThat(session.<Boolean>getAttribute("knooppunt.oefening")).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class))
        .isPositive();
  }

  @Test
  void aSignOutEndsTheSessionForEveryReplica() {
    Set<String> before = sessions.findByPrincipalName("operator").keySet();
    PageClient operator = PageClient.login(port, "operator");
    Set<String> signedIn = new HashSet<>(sessions.findByPrincipalName("operator").keySet());
    signedIn.removeAll(before);
    assertThat(signedIn).as("the new session").hasSize(1);
    String id = signedIn.iterator().next();

    operator.get("/taken");
    assertThat(operator.post("/logout").location()).endsWith("/login?uitgelogd");
    assertThat(sessions.findById(id)).isNull();
    assertThat(operator.get("/taken").status()).isEqualTo(302);
  }
}
