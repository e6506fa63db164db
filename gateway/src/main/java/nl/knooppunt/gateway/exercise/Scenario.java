package nl.knooppunt.gateway.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An exercise scenario as read from a file in {@code scenarios/} (schema: {@code
 * scenarios/scenario.schema.json}): what it practises, who takes part and the injects it plays at
 * time offsets from its start.
 *
 * @param id the file's stable name, e.g. {@code utrecht-tramaanslag-2019}
 * @param version raised whenever the file changes, so a report says which version ran
 * @param title the title on the director's page
 * @param learningGoals what the participants practise (the report measures against these)
 * @param participants the roles and regions that take part; each plays live or is simulated
 * @param injects in order of their offset
 * @param expectedSteps the agreed procedure steps the report checks, each with its norm
 */
public record Scenario(
    String id,
    int version,
    String title,
    List<String> learningGoals,
    List<String> participants,
    List<Inject> injects,
    List<ExpectedStep> expectedSteps) {

  public Scenario {
    learningGoals = List.copyOf(learningGoals);
    participants = List.copyOf(participants);
    injects = List.copyOf(injects);
    expectedSteps = List.copyOf(expectedSteps);
  }

  /** The offset of the last inject: how long the script runs. */
  public Duration length() {
    return injects.stream().map(Inject::at).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** What an inject does in the hub. */
  public enum Kind {
    /** A simulated police officer starts a manhunt (parameters: the location and perpetrators). */
    MANHUNT_STARTEN("manhunt-starten"),
    /** The simulated operator proposes threat level 5 (parameters: the area and the reason). */
    DREIGINGSNIVEAU_VOORSTELLEN("dreigingsniveau-voorstellen"),
    /** The simulated police or OM shares its investigation information on a level-5 proposal. */
    POLITIE_INFORMATIE_DELEN("politie-informatie-delen"),
    /** A simulated participant does not react: the hub's own norm timers record the silence. */
    STILZWIJGEN("stilzwijgen"),
    /** The simulated police report the arrest of the perpetrator. */
    AANHOUDING_MELDEN("aanhouding-melden"),
    /** A simulated region asks for bijstand (parameters: what and how much). */
    BIJSTAND_AANVRAGEN("bijstand-aanvragen"),
    /** A simulated participant completes its open task of a step with the given values. */
    TAAK_AFRONDEN("taak-afronden"),
    /** A card in a live participant's own inbox, marked OEFENING ("De burgemeester belt: ..."). */
    INJECTKAART("injectkaart");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /** The word in the scenario file. */
    public String word() {
      return word;
    }

    static java.util.Optional<Kind> of(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * One inject.
   *
   * @param at the offset from the start of the run
   * @param kind what it does
   * @param as the participant it acts as (simulated) or shows a card to (live)
   * @param text what the participants read (the card's text, the timeline line)
   * @param step the procedure step (BPMN element id) a {@link Kind#TAAK_AFRONDEN} completes
   * @param parameters the kind's values (location, explanation, task values...)
   * @param line the line of the inject in its file
   */
  public record Inject(
      Duration at,
      Kind kind,
      String as,
      String text,
      String step,
      Map<String, Object> parameters,
      int line) {
    public Inject {
      parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
  }

  /**
   * A procedure step the participants must take, with its norm counted from the start of the run.
   *
   * @param step the BPMN element id of the user task
   * @param by the participant who must take it
   * @param name the step's name in the report
   * @param norm optional: the latest offset from the start at which it is on time; without it the
   *     step's own due time in the hub (its SLA) is the norm
   */
  public record ExpectedStep(String step, String by, String name, Duration norm) {}
}
