package nl.knooppunt.gateway.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import org.junit.jupiter.api.Test;

/** An action's owner, as a person writes it, reaches the inbox of that role or region. */
class ActionOwnersTest {

  private final ActionOwners owners = new ActionOwners(new DirectoryAdapter());

  @Test
  void aRegionIsFoundByItsNameWithOrWithoutVeiligheidsregioAndByItsCode() {
    assertThat(owners.groupOf("Veiligheidsregio Utrecht")).contains("regio-VR09");
    assertThat(owners.groupOf("utrecht")).contains("regio-VR09");
    assertThat(owners.groupOf("VR09")).contains("regio-VR09");
    assertThat(owners.groupOf("regio-VR09")).contains("regio-VR09");
    assertThat(owners.groupOf("Veiligheidsregio Amsterdam-Amstelland")).contains("regio-VR13");
    assertThat(owners.groupOf("VR99")).isEmpty();
  }

  @Test
  void aRoleIsFoundByWhatPeopleCallIt() {
    assertThat(owners.groupOf("NCTV")).contains("nctv-besluitvormer");
    assertThat(owners.groupOf("NCC")).contains("landelijk-operator");
    assertThat(owners.groupOf("Hoofd LOCC")).contains("hoofd-locc");
    assertThat(owners.groupOf("LOCC")).contains("locc-officier");
    assertThat(owners.groupOf("  openbaar   ministerie ")).contains("om");
  }

  @Test
  void anOutsideOrganisationReachesNoInbox() {
    assertThat(owners.groupOf("Rijkswaterstaat")).isEmpty();
    assertThat(owners.groupOf("")).isEmpty();
    assertThat(owners.ownedBy("Rijkswaterstaat", List.of("landelijk-operator"))).isFalse();
    assertThat(owners.ownedBy("Veiligheidsregio Utrecht", List.of("regio-VR09"))).isTrue();
    assertThat(owners.ownedBy("Veiligheidsregio Utrecht", List.of("regio-VR13"))).isFalse();
  }

  @Test
  void theFormOffersTheRolesAndThe25Regions() {
    assertThat(owners.suggestions())
        .contains("NCTV-besluitvormer", "LOCC", "Veiligheidsregio Utrecht")
        .hasSize(10 + 25);
    owners.suggestions().forEach(s -> assertThat(owners.groupOf(s)).isPresent());
  }
}
