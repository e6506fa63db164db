package nl.knooppunt.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.knooppunt.api.model.Region;
import org.junit.jupiter.api.Test;

/** The gateway reads the directory module's reference data, in the API's types. */
class DirectoryAdapterTest {

  private final DirectoryAdapter directory = new DirectoryAdapter();

  @Test
  void regionUtrechtHasItsProvincePoliceUnitAndNeighbours() {
    Region utrecht =
        directory.regions().stream().filter(r -> r.getCode().equals("VR09")).findFirst().get();
    assertThat(utrecht.getName()).isEqualTo("Utrecht");
    assertThat(utrecht.getProvince()).isEqualTo("Utrecht");
    assertThat(utrecht.getPoliceUnit()).isEqualTo("Midden-Nederland");
    assertThat(utrecht.getNeighbours()).contains("VR07", "VR08", "VR13", "VR14");
    assertThat(directory.regions()).hasSize(25);
  }

  @Test
  void theProvinceOfUtrechtIsOneRegionWith26Gemeenten() {
    assertThat(directory.provinceCode("utrecht")).contains("PV26");
    assertThat(directory.provinceCode("PV26")).contains("PV26");
    assertThat(directory.regionsOf("PROVINCIE", List.of("Utrecht"))).containsExactly("VR09");
    assertThat(directory.municipalities(null, "Utrecht")).hasSize(26);
    assertThat(directory.municipalities("VR09", null)).hasSize(26);
    assertThat(DirectoryAdapter.PROVINCE_CODES).hasSize(12).containsEntry("PV26", "Utrecht");
  }

  @Test
  void gemeentenAndRegionsAreFoundByCodeAndUnknownCodesAreNot() {
    assertThat(directory.regionOfMunicipality("GM0344")).contains("VR09");
    assertThat(directory.municipalityName("GM0344")).contains("Utrecht");
    assertThat(directory.regionName("VR13")).contains("Amsterdam-Amstelland");
    assertThat(directory.regionExists("VR26")).isFalse();
    assertThat(directory.regionOfMunicipality("GM9999")).isEmpty();
    assertThat(directory.regionsOf("GEMEENTE", List.of("GM0344", "GM0363")))
        .containsExactly("VR09", "VR13");
  }
}
