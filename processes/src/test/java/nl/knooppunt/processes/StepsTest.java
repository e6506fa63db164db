package nl.knooppunt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepsTest {

  @Test
  void aStuckStepIsNamedAsTheModelNamesIt() {
    assertThat(Steps.name("dreigingsniveau-5", "Afschaling_Registreren"))
        .contains("Afschaling registreren");
    assertThat(Steps.name("informeer-gezagen", "Ontvanger_Bellen"))
        .contains("Ontvanger telefonisch benaderen");
    assertThat(Steps.name("manhunt", "Bestaat_Niet")).isEmpty();
    assertThat(Steps.name("onbekend", "Crisis_Registreren")).isEmpty();
  }
}
