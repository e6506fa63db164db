package nl.knooppunt.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AreaResolverTest {

  private static final Directory DIRECTORY = Directory.load(new DemoContactBook());
  private final AreaResolver resolver = new AreaResolver(DIRECTORY);

  @Test
  void level5ForTheProvinceOfUtrechtReachesIts26GemeentenRegionVr09AndUnitMiddenNederland() {
    AffectedArea utrecht = resolver.resolve(Area.provinces("PV26"));

    assertThat(utrecht.municipalities()).hasSize(26);
    assertThat(utrecht.municipalities())
        .extracting(Municipality::name)
        .contains("Utrecht", "Amersfoort", "Eemnes", "Vijfheerenlanden");
    assertThat(utrecht.regionCodes()).containsExactly("VR09");
    assertThat(utrecht.policeUnits())
        .extracting(PoliceUnit::name)
        .containsExactly("Midden-Nederland");
    assertThat(utrecht.provinces()).extracting(Province::name).containsExactly("Utrecht");
  }

  @Test
  void theProvinceOfUtrechtNotifies26MayorsTheRegionPoliceOmAndTheNationalPartners() {
    AffectedArea utrecht = resolver.resolve(Area.provinces("PV26"));

    assertThat(utrecht.gezagen()).hasSize(26 + 1);
    assertThat(utrecht.justitieelGezag())
        .extracting(Authority::code)
        .containsExactly("HOVJ-MIDDEN-NEDERLAND", "LANDELIJK-PARKET");
    assertThat(utrecht.partners())
        .extracting(Authority::code)
        .doesNotContain("HOVJ-MIDDEN-NEDERLAND", "LANDELIJK-PARKET");
    assertThat(utrecht.recipients())
        .extracting(Authority::code)
        .contains(
            "BM-GM0344",
            "VZ-VR09",
            "VR09",
            "PC-MIDDEN-NEDERLAND",
            "HOVJ-MIDDEN-NEDERLAND",
            "LANDELIJKE-EENHEID",
            "LANDELIJK-PARKET",
            "KMAR",
            "NCC")
        .doesNotHaveDuplicates();
  }

  @Test
  void aProvinceMayBeNamedInsteadOfCoded() {
    assertThat(resolver.resolve(Area.provinces("utrecht")).municipalities()).hasSize(26);
    assertThat(resolver.resolve(Area.provinces("Noord-Holland")).regionCodes())
        .containsExactly("VR10", "VR11", "VR12", "VR13", "VR14");
  }

  @Test
  void oneGemeenteReachesItsMayorItsRegionAndItsUnit() {
    AffectedArea city = resolver.resolve(Area.municipalities("GM0344"));

    assertThat(city.recipients())
        .extracting(Authority::code)
        .containsExactly(
            "BM-GM0344",
            "VZ-VR09",
            "VR09",
            "PC-MIDDEN-NEDERLAND",
            "HOVJ-MIDDEN-NEDERLAND",
            "LANDELIJKE-EENHEID",
            "LANDELIJK-PARKET",
            "KMAR",
            "NCC");
    assertThat(city.recipients().get(0).name()).isEqualTo("Burgemeester van Utrecht");
  }

  @Test
  void gooiEnVechtstreekLiesInNoordHollandButIsServedByUnitMiddenNederland() {
    AffectedArea gooi = resolver.resolve(Area.regions("VR14"));

    assertThat(gooi.provinces()).extracting(Province::name).containsExactly("Noord-Holland");
    assertThat(gooi.policeUnits()).extracting(PoliceUnit::code).containsExactly("MIDDEN-NEDERLAND");
    assertThat(gooi.municipalities()).hasSize(6);
  }

  @Test
  void theNationalFanOutReachesEveryGezagAndPartnerExactlyOnce() {
    List<String> all = DIRECTORY.provinces().stream().map(Province::code).toList();

    AffectedArea country = resolver.resolve(new Area(Area.Level.PROVINCE, all));

    assertThat(country.municipalities()).hasSize(342);
    assertThat(country.regions()).hasSize(25);
    assertThat(country.policeUnits()).hasSize(10);
    assertThat(country.gezagen()).hasSize(342 + 25);
    assertThat(country.recipients())
        .hasSize(342 + 25 + 25 + 10 + 10 + AreaResolver.NATIONAL_RECIPIENTS.size())
        .extracting(Authority::code)
        .doesNotHaveDuplicates();
  }

  @Test
  void overlappingCodesCountEachGemeenteOnce() {
    AffectedArea twice = resolver.resolve(Area.regions("VR09", "VR09"));

    assertThat(twice.municipalities()).hasSize(26);
  }

  @Test
  void anUnknownCodeIsRefusedWithEveryUnknownCodeNamed() {
    assertThatThrownBy(() -> resolver.resolve(Area.regions("VR09", "VR99", "XX")))
        .isInstanceOf(UnknownAreaException.class)
        .hasMessage("unknown region code(s): VR99, XX");
  }

  @Test
  void anEmptyAreaIsRefused() {
    assertThatThrownBy(() -> resolver.resolve(Area.municipalities()))
        .isInstanceOf(UnknownAreaException.class)
        .hasMessageContaining("names no municipality");
  }

  @Test
  void aProvinceCodeIsNotARegionCode() {
    assertThatThrownBy(() -> resolver.resolve(Area.regions("PV26")))
        .isInstanceOf(UnknownAreaException.class)
        .hasMessageContaining("PV26");
  }

  @Test
  void aManhuntInUtrechtAlsoAlertsTheSixNeighbouringRegionsAndTheirPolice() {
    AffectedArea manhunt = resolver.resolveWithNeighbours(Area.municipalities("GM0344"));

    assertThat(manhunt.recipients())
        .extracting(Authority::code)
        .contains("BM-GM0344", "VZ-VR09", "VR09", "PC-MIDDEN-NEDERLAND", "KMAR")
        .contains("VZ-VR07", "VR07", "VZ-VR08", "VZ-VR13", "VZ-VR14", "VZ-VR16", "VZ-VR18")
        .contains("PC-OOST-NEDERLAND", "PC-AMSTERDAM", "PC-DEN-HAAG", "PC-ROTTERDAM")
        .doesNotHaveDuplicates();
    assertThat(manhunt.recipients())
        .extracting(Authority::code)
        .as("only the mayor where it happened")
        .filteredOn(code -> code.startsWith("BM-"))
        .containsExactly("BM-GM0344");
  }
}
