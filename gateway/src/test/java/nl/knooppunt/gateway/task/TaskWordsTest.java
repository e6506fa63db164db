package nl.knooppunt.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskWordsTest {

  @Test
  void groupsAndValuesInWords() {
    assertThat(TaskWords.group("regio-VR09", vr -> Optional.of("Utrecht")))
        .isEqualTo("Veiligheidsregio Utrecht");
    assertThat(TaskWords.group("regio-VR99", vr -> Optional.empty()))
        .isEqualTo("Veiligheidsregio VR99");
    assertThat(TaskWords.group("nctv-besluitvormer", vr -> Optional.empty()))
        .isEqualTo("NCTV-besluitvormer");
    assertThat(TaskWords.enumLabel("STEUNT_MET_KANTTEKENINGEN"))
        .isEqualTo("Steunt met kanttekeningen");
    assertThat(TaskWords.enumLabel("GRIP_3")).isEqualTo("GRIP 3");
    assertThat(TaskWords.value(true)).isEqualTo("Ja");
    assertThat(TaskWords.value("VR09")).isEqualTo("VR09");
    assertThat(TaskWords.value("2026-11-27T09:00:00Z")).isEqualTo("vr 27 nov. 2026 10:00");
    assertThat(TaskWords.value(Map.of("naam", "provincie Utrecht", "codes", List.of("PV26"))))
        .isEqualTo("provincie Utrecht");
  }

  @Test
  void theProposalAndTheAreaAreShownNotTheTechnicalVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("crisisId", "DN5-1");
    vars.put("exercise", false);
    vars.put("gebied", Map.of("naam", "provincie Utrecht"));
    vars.put("reden", "Aanslag met mogelijk terroristisch motief");
    assertThat(TaskWords.context(vars))
        .containsExactly(
            new TaskWords.Fact("Reden", "Aanslag met mogelijk terroristisch motief"),
            new TaskWords.Fact("Gebied", "provincie Utrecht"));
  }

  @Test
  void theCountdownReadsLikeThePageScript() {
    Instant now = Instant.parse("2026-11-27T09:00:00Z");
    assertThat(TaskWords.countdown(OffsetDateTime.parse("2026-11-27T10:05:00Z"), now))
        .isEqualTo("nog 1 u 05 min");
    assertThat(TaskWords.countdown(OffsetDateTime.parse("2026-11-27T09:04:30Z"), now))
        .isEqualTo("nog 4:30 min");
    assertThat(TaskWords.countdown(OffsetDateTime.parse("2026-11-27T08:48:00Z"), now))
        .isEqualTo("12:00 min te laat");
    assertThat(TaskWords.countdown(OffsetDateTime.parse("2026-12-11T08:59:00Z"), now))
        .as("a deadline in two weeks is said in days, not 335 hours")
        .isEqualTo("nog 13 dagen 23 u");
  }
}
