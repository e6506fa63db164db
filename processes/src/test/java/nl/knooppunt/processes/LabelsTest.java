package nl.knooppunt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void aDutyOfficerReadsPhasesAndChoicesInDutchNotCodes() {
    assertThat(Labels.phase("NIVEAU_5_VAN_KRACHT")).isEqualTo("Niveau 5 van kracht");
    assertThat(Labels.value("MEER_INFORMATIE")).isEqualTo("Meer informatie nodig");
    assertThat(Labels.value("HANDHAVEN")).isEqualTo("Niveau 5 handhaven");
    assertThat(Labels.process("dreigingsniveau-5")).isEqualTo("Dreigingsniveau 5");
    assertThat(Labels.group("nctv-besluitvormer")).contains("NCTV-besluitvormer");
    assertThat(Labels.channel("KNOOPPUNT")).isEqualTo("Knooppunt (Mijn taken)");
  }

  @Test
  void aLevelFiveExpiredWithoutADecisionIsAnAlarmAndALevelInForceIsNot() {
    assertThat(Labels.phase("VERLOPEN_ZONDER_BESLUIT")).isEqualTo("Verlopen zonder besluit");
    assertThat(Labels.isAlarm("VERLOPEN_ZONDER_BESLUIT")).isTrue();
    assertThat(Labels.isAlarm("NIVEAU_5_VAN_KRACHT")).isFalse();
    assertThat(Labels.isAlarm(null)).isFalse();
    assertThat(Labels.group("nctv-tweede-besluitvormer")).contains("Tweede NCTV-besluitvormer");
    assertThat(Labels.group("nctv-hoofd")).contains("Hoofd NCTV / DG");
  }

  @Test
  void anUnknownCodeIsStillMadeReadable() {
    assertThat(Labels.value("IETS_NIEUWS")).isEqualTo("Iets nieuws");
    assertThat(Labels.phase("NOG_ONBEKEND")).isEqualTo("Nog onbekend");
  }

  @Test
  void durationsAreSaidInWords() {
    assertThat(Labels.duration("PT30M")).isEqualTo("30 minuten");
    assertThat(Labels.duration("PT1H")).isEqualTo("1 uur");
    assertThat(Labels.duration("PT12H")).isEqualTo("12 uur");
    assertThat(Labels.duration("PT1H30M")).isEqualTo("1 uur en 30 minuten");
    assertThat(Labels.duration("P14D")).isEqualTo("14 dagen");
    assertThat(Labels.duration("P1D")).isEqualTo("1 dag");
    assertThat(Labels.duration(Duration.ofMinutes(24 * 60 + 125)))
        .isEqualTo("1 dag, 2 uur en 5 minuten");
    assertThat(Labels.duration(Duration.ofSeconds(20))).isEqualTo("0 minuten");
    assertThat(Labels.duration("geen duur")).isEqualTo("geen duur");
  }
}
