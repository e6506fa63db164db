package nl.knooppunt.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimerSchedulesTest {

  private static final long T0 = Instant.parse("2026-01-31T10:00:00Z").toEpochMilli();

  @Test
  void durationsAndPeriods() {
    assertThat(TimerSchedules.addInterval(T0, "PT15M")).isEqualTo(T0 + 15 * 60_000);
    assertThat(TimerSchedules.addInterval(T0, "P1D")).isEqualTo(T0 + 86_400_000);
    assertThat(Instant.ofEpochMilli(TimerSchedules.addInterval(T0, "P1MT2H")))
        .isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
  }

  @Test
  void cycles() {
    TimerSchedules.Cycle c = TimerSchedules.parseCycle("R3/PT10S");
    assertThat(c.repetitions()).isEqualTo(3);
    assertThat(c.interval()).isEqualTo("PT10S");
    assertThat(TimerSchedules.parseCycle("R/PT1H").repetitions()).isEqualTo(-1);
    assertThat(TimerSchedules.parseCycle("R2/2026-01-01T00:00:00Z/P1D").start())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> TimerSchedules.parseCycle("0 0 * * * *")).hasMessageContaining("cron");
  }

  @Test
  void dates() {
    assertThat(TimerSchedules.parseDate("2026-01-31T11:00:00+01:00")).isEqualTo(T0);
    assertThat(TimerSchedules.parseDate("2026-01-31T10:00:00Z")).isEqualTo(T0);
    assertThatThrownBy(() -> TimerSchedules.parseDate("tomorrow"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
