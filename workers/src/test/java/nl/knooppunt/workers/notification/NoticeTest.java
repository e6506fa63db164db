package nl.knooppunt.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import org.junit.jupiter.api.Test;

class NoticeTest {

  private final Directory directory = Directory.load(new DemoContactBook());

  @Test
  void an_exercise_notice_says_oefening_in_subject_and_text() {
    Notice notice = notice(true);

    assertThat(notice.markedSubject()).startsWith("OEFENING — ");
    assertThat(notice.markedText()).startsWith("OEFENING — ").endsWith("OEFENING OEFENING");
  }

  @Test
  void a_real_notice_carries_no_exercise_marking() {
    Notice notice = notice(false);

    assertThat(notice.markedSubject()).isEqualTo("Dreigingsniveau 5 afgekondigd");
    assertThat(notice.markedText()).doesNotContain("OEFENING");
  }

  private Notice notice(boolean exercise) {
    var mayor = directory.authority("BM-GM0344").orElseThrow();
    return new Notice(
        "DN5-1/afkondiging/BM-GM0344",
        "DN5-1",
        exercise,
        mayor,
        mayor.primary(),
        "AFKONDIGING",
        "Dreigingsniveau 5 afgekondigd",
        "De NCTV heeft dreigingsniveau 5 afgekondigd voor de provincie Utrecht.",
        true);
  }
}
