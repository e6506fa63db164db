package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.api.AdresboekApi;
import nl.knooppunt.api.CrisesApi;
import nl.knooppunt.api.DashboardsApi;
import nl.knooppunt.api.DreigingsniveausApi;
import nl.knooppunt.api.GebruikerApi;
import nl.knooppunt.api.LogboekApi;
import nl.knooppunt.api.NotificatiesApi;
import nl.knooppunt.api.ProcessenApi;
import nl.knooppunt.api.SysteemApi;
import nl.knooppunt.api.TakenApi;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  @Test
  void everyGeneratedOperationHasAPolicyAndNoPolicyIsStale() {
    Set<String> operations = new TreeSet<>();
    for (Class<?> api :
        new Class<?>[] {
          AdresboekApi.class,
          CrisesApi.class,
          DashboardsApi.class,
          DreigingsniveausApi.class,
          GebruikerApi.class,
          LogboekApi.class,
          NotificatiesApi.class,
          ProcessenApi.class,
          SysteemApi.class,
          TakenApi.class
        }) {
      for (Method m : api.getDeclaredMethods()) {
        if (!m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
          operations.add(m.getName());
        }
      }
    }
    Set<String> policy = new TreeSet<>(AccessPolicy.table().keySet());
    policy.addAll(AccessPolicy.PUBLIC_OPERATIONS);
    assertThat(policy).isEqualTo(operations);
  }

  @Test
  void managementOnlyReads() {
    AccessPolicy.table()
        .forEach(
            (op, roles) -> {
              boolean write =
                  op.startsWith("start")
                      || op.startsWith("propose")
                      || op.startsWith("request")
                      || op.startsWith("report")
                      || op.startsWith("end")
                      || op.startsWith("acknowledge")
                      || op.startsWith("claim")
                      || op.startsWith("unclaim")
                      || op.startsWith("complete");
              if (write) {
                assertThat(roles).as(op).doesNotContain(Rol.MANAGEMENT);
              }
            });
  }

  @Test
  void scopedRolesGiveScopedGroups() {
    KnooppuntUser region =
        new KnooppuntUser(
            "r", "r", Set.of(Rol.REGIO), "VR09", null, null, KnooppuntUser.Source.LOCAL);
    assertThat(region.candidateGroups()).containsExactly("regio-VR09");
    KnooppuntUser police =
        new KnooppuntUser(
            "p",
            "p",
            Set.of(Rol.POLITIE),
            null,
            "Midden-Nederland",
            null,
            KnooppuntUser.Source.OIDC);
    assertThat(police.candidateGroups()).containsExactly("politie", "politie-Midden-Nederland");
    assertThat(Rol.parse("landelijk-operator")).contains(Rol.LANDELIJK_OPERATOR);
    assertThat(Rol.parse("ROLE_REGIO")).contains(Rol.REGIO);
    assertThat(Rol.parse("offline_access")).isEmpty();
  }
}
