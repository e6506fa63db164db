package nl.knooppunt.gateway.exercise;

import java.util.List;
import nl.knooppunt.gateway.security.KnooppuntUser;
import org.springframework.stereotype.Component;

/**
 * The inject cards of running exercises in a participant's inbox, marked OEFENING: the task list
 * shows them ({@code ${@oefenkaarten.voor(gebruiker)}}) and reloads them live.
 */
@Component("oefenkaarten")
public class ExerciseCards {

  private final ExerciseRuns runs;

  ExerciseCards(ExerciseRuns runs) {
    this.runs = runs;
  }

  /** The cards for the user's groups (a region's {@code regio-VR09}, {@code politie}...). */
  public List<ExerciseRuns.Card> voor(KnooppuntUser user) {
    return user == null ? List.of() : runs.cardsFor(user.candidateGroups());
  }

  /** {@code +1:50}: a scenario offset as the pages show it. */
  public String tijd(java.time.Duration d) {
    return ExercisePages.offset(d);
  }
}
