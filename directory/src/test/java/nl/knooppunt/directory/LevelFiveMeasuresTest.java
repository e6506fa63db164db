package nl.knooppunt.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelFiveMeasuresTest {

  @Test
  void versionOneFromTheSeedsTellsEveryRoleWhatToDoWithinWhatAPhoneShows() {
    LevelFiveMeasures first = LevelFiveMeasures.first();

    assertThat(first.version()).isEqualTo(1);
    assertThat(LevelFiveMeasures.problems(first.perRole())).isEmpty();
    assertThat(first.forRole(MeasureRole.GEMEENTE))
        .anySatisfy(m -> assertThat(m).contains("handelingsperspectief"))
        .anySatisfy(m -> assertThat(m).contains("sociale media"));
    assertThat(first.forRole(MeasureRole.VEILIGHEIDSREGIO))
        .anySatisfy(m -> assertThat(m).contains("GRIP 3"));
    assertThat(first.forRole(MeasureRole.POLITIE_EENHEID))
        .anySatisfy(m -> assertThat(m).contains("(opsporings)informatie"));
    assertThat(first.forRole(MeasureRole.OM))
        .anySatisfy(m -> assertThat(m).contains("leiding van het opsporingsonderzoek"));
    assertThat(first.forRole(MeasureRole.PARTNER)).isNotEmpty();
  }

  @Test
  void everyAuthorityReadsTheListOfItsRole() {
    assertThat(MeasureRole.of(AuthorityRole.BURGEMEESTER)).isEqualTo(MeasureRole.GEMEENTE);
    assertThat(MeasureRole.of(AuthorityRole.VOORZITTER_VEILIGHEIDSREGIO))
        .isEqualTo(MeasureRole.VEILIGHEIDSREGIO);
    assertThat(MeasureRole.of(AuthorityRole.VEILIGHEIDSREGIO))
        .isEqualTo(MeasureRole.VEILIGHEIDSREGIO);
    assertThat(MeasureRole.of(AuthorityRole.POLITIECHEF)).isEqualTo(MeasureRole.POLITIE_EENHEID);
    assertThat(MeasureRole.of(AuthorityRole.HOOFDOFFICIER_VAN_JUSTITIE)).isEqualTo(MeasureRole.OM);
    assertThat(MeasureRole.of(AuthorityRole.KMAR)).isEqualTo(MeasureRole.PARTNER);
    assertThat(MeasureRole.of(AuthorityRole.NCC)).isEqualTo(MeasureRole.PARTNER);
  }

  @Test
  void aRoleWithoutMeasuresOrWithTooLongOnesCannotBeTheNextVersion() {
    Map<MeasureRole, List<String>> proposed = new EnumMap<>(LevelFiveMeasures.first().perRole());
    proposed.put(MeasureRole.OM, List.of(" "));
    proposed.put(MeasureRole.PARTNER, List.of("x".repeat(LevelFiveMeasures.MAX_LENGTH + 1)));

    assertThat(LevelFiveMeasures.problems(proposed))
        .containsOnlyKeys(MeasureRole.OM, MeasureRole.PARTNER)
        .containsEntry(
            MeasureRole.OM, "Geef voor de rol Openbaar Ministerie ten minste één maatregel.");
    assertThatThrownBy(() -> new LevelFiveMeasures(0, proposed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
