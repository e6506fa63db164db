package nl.knooppunt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepsTest {

  @Test
  void a_stuck_step_is_named_as_the_model_names_it() {
    assertThat(Steps.name("dreigingsniveau-5", "Afschaling_Registreren"))
        .contains("Afschaling registreren");
    assertThat(Steps.name("informeer-gezagen", "Ontvanger_Bellen"))
        .contains("Ontvanger telefonisch benaderen");
    assertThat(Steps.name("manhunt", "Bestaat_Niet")).isEmpty();
    assertThat(Steps.name("onbekend", "Crisis_Registreren")).isEmpty();
  }
}
