package nl.knooppunt.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryTest {

  private final Directory directory = Directory.load(new DemoContactBook());

  @Test
  void theReferenceDataHasEveryRegionGemeenteProvinceAndPoliceUnit() {
    assertThat(directory.regions()).hasSize(25);
    assertThat(directory.municipalities()).hasSize(342);
    assertThat(directory.provinces()).hasSize(12);
    assertThat(directory.policeUnits()).hasSize(10);
  }

  @Test
  void everyRegionHasItsProvinceAndPoliceUnit() {
    SafetyRegion utrecht = directory.region("VR09").orElseThrow();

    assertThat(utrecht.name()).isEqualTo("Utrecht");
    assertThat(directory.province(utrecht.provinceCode()).orElseThrow().name())
        .isEqualTo("Utrecht");
    assertThat(directory.policeUnit(utrecht.policeUnitCode()).orElseThrow().name())
        .isEqualTo("Midden-Nederland");
  }

  @Test
  void theDutyOfficerHasANumberToCallASilentMayorAndItIsMarkedDemo() {
    Contact phone = directory.phone("BM-GM0344").orElseThrow();

    assertThat(phone.channel()).isEqualTo(Contact.Channel.TELEFOON);
    assertThat(phone.address()).matches("070 000 \\d{4}");
    assertThat(phone.demo()).isTrue();
    assertThat(directory.phone("BM-GM0344")).contains(phone);
    assertThat(directory.phone("ONBEKEND")).isEmpty();
    assertThat(Directory.referenceData().phone("BM-GM0344")).isEmpty();
  }

  @Test
  void aMayorsChainIsTheMayorTheDeputyAndTheRegionsOfficerOnDutyEachWithADemoNumber() {
    List<ChainContact> chain = directory.chain("BM-GM0344");

    assertThat(chain)
        .extracting(ChainContact::order, ChainContact::position, ChainContact::function)
        .containsExactly(
            tuple(1, ChainContact.Position.HOUDER, "burgemeester"),
            tuple(2, ChainContact.Position.PLAATSVERVANGER, "loco-burgemeester"),
            tuple(3, ChainContact.Position.OFFICIER_VAN_DIENST, "officier van dienst"));
    assertThat(chain.get(0).name()).isEqualTo("Burgemeester van Utrecht");
    assertThat(chain.get(2).name()).isEqualTo("Officier van dienst, Veiligheidsregio Utrecht");
    assertThat(chain)
        .allSatisfy(
            c -> {
              assertThat(c.demo()).isTrue();
              assertThat(c.phone().orElseThrow().address()).matches("070 000 \\d{4}");
            });
    assertThat(chain).extracting(c -> c.phone().orElseThrow()).doesNotHaveDuplicates();
    // the officer on duty is the region's: Amersfoort's chain ends at the same desk
    assertThat(directory.chain("BM-GM0307").get(2)).isEqualTo(chain.get(2));
    assertThat(directory.phone("BM-GM0344")).isEqualTo(chain.get(0).phone());
  }

  @Test
  void everyDemoPersonHasAnExampleMailAddressAndAFictionalMobileNumberThatAreTheSameEveryTime() {
    List<ChainContact> chain = directory.chain("BM-GM0344");

    assertThat(chain.get(0).channels())
        .extracting(Contact::channel)
        .containsExactly(Contact.Channel.EMAIL, Contact.Channel.SMS, Contact.Channel.TELEFOON);
    assertThat(chain.get(0).channels().get(0).address())
        .isEqualTo("houder.bm-gm0344@demo.knooppunt.example");
    assertThat(chain)
        .flatExtracting(ChainContact::channels)
        .filteredOn(c -> c.channel() == Contact.Channel.SMS)
        .allSatisfy(c -> assertThat(c.address()).matches("\\+3197000\\d{6}"));
    assertThat(Directory.load(new DemoContactBook()).chain("BM-GM0344")).isEqualTo(chain);
    // one demo holder's mail bounces, so a demo shows the fall-through to SMS
    assertThat(
            directory.chain(DemoContactBook.BOUNCING_AUTHORITY).get(0).channels().get(0).address())
        .endsWith("@" + DemoContactBook.BOUNCING_DOMAIN);
    assertThat(
            directory.chain(DemoContactBook.BOUNCING_AUTHORITY).get(1).channels().get(0).address())
        .endsWith("@" + DemoContactBook.DOMAIN);
  }

  @Test
  void everyAuthorityHasAChainOfThreeAndTheReferenceDataNone() {
    assertThat(directory.authorities())
        .allSatisfy(
            a -> assertThat(a.chain()).extracting(ChainContact::order).containsExactly(1, 2, 3));
    assertThat(Directory.referenceData().chain("BM-GM0344")).isEmpty();
    assertThat(directory.chain("ONBEKEND")).isEmpty();
  }

  @Test
  void theOmIsTheJustitieelGezagWithItsOwnChainEndingAtItsParket() {
    Authority parket = directory.authority("HOVJ-MIDDEN-NEDERLAND").orElseThrow();

    assertThat(parket.role().kind()).isEqualTo(AuthorityRole.Kind.JUSTITIEEL_GEZAG);
    assertThat(parket.isJustitieelGezag()).isTrue();
    assertThat(parket.isGezag()).isFalse();
    assertThat(parket.chain())
        .extracting(ChainContact::function)
        .containsExactly(
            "hoofdofficier van justitie",
            "plaatsvervangend hoofdofficier van justitie",
            "officier van justitie van dienst");
    assertThat(parket.chain().get(2).name())
        .isEqualTo("Officier van justitie van dienst, Arrondissementsparket Midden-Nederland");
    assertThat(directory.authority("LANDELIJK-PARKET").orElseThrow().isJustitieelGezag()).isTrue();
    assertThat(directory.authority("KMAR").orElseThrow().role().kind())
        .isEqualTo(AuthorityRole.Kind.PARTNER);
  }

  @Test
  void utrechtBordersSixRegions() {
    assertThat(directory.neighboursOf("VR09"))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
  }

  @Test
  void neighboursAreSymmetric() {
    for (SafetyRegion region : directory.regions()) {
      for (String neighbour : directory.neighboursOf(region.code())) {
        assertThat(directory.neighboursOf(neighbour)).as(neighbour).contains(region.code());
      }
    }
  }

  @Test
  void aNameWithACommaOrQuoteSurvivesTheCsvReader() {
    assertThat(Csv.parseLine("GM0001,\"Bergen, \"\"NH\"\"\",VR10"))
        .containsExactly("GM0001", "Bergen, \"NH\"", "VR10");
    assertThat(directory.municipality("GM0518").orElseThrow().name()).isEqualTo("'s-Gravenhage");
  }

  @Test
  void everyAuthorityHasAPrimaryAndAFallbackContactMarkedAsDemo() {
    assertThat(directory.authorities())
        .allSatisfy(
            a -> {
              assertThat(a.primary().demo()).isTrue();
              assertThat(a.fallback().demo()).isTrue();
              assertThat(a.fallback().address()).endsWith("@demo.knooppunt.example");
              assertThat(a.primary()).isNotEqualTo(a.fallback());
            });
  }

  @Test
  void theNationalPartnersAreInTheDirectory() {
    assertThat(directory.authority("KMAR").orElseThrow().role()).isEqualTo(AuthorityRole.KMAR);
    assertThat(directory.authority("LOCC").orElseThrow().areaCode()).isEqualTo(Authority.NATIONAL);
    assertThat(directory.authority("HOVJ-LANDELIJK-PARKET")).isEmpty();
    assertThat(directory.authority("LANDELIJK-PARKET").orElseThrow().role())
        .isEqualTo(AuthorityRole.HOOFDOFFICIER_VAN_JUSTITIE);
  }
}
