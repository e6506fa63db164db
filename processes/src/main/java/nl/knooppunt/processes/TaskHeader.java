package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/** Keys of the {@code zeebe:taskHeaders} the models set on jobs. */
public enum TaskHeader {
  /** Element id of the user task an SLA reminder/escalation is about. */
  TAAK("taak"),
  /**
   * The SLA (ISO 8601 duration) that passed, on models from before the SLA table; the models now
   * map it as the job variable {@link Variable#SLA} from {@link Variable#TERMIJNEN}.
   */
  SLA("sla"),
  /** Candidate group that receives the escalation. */
  ESCALEREN_NAAR("escalerenNaar"),
  /** Logbook event name, see {@link LogbookEvent}. */
  GEBEURTENIS("gebeurtenis"),
  /** Which decision a four-eyes check guards: AFKONDIGING, VERLENGING, AFSCHALING. */
  BESLUIT("besluit"),
  /** AFKONDIGEN, VERLENGEN, AFSCHALEN (threat level); START, VERLENGEN (deployment). */
  ACTIE("actie"),
  /** AFKONDIGING or AFSCHALING (public communication). */
  FASE("fase"),
  /** The process a crisis registration/closure belongs to. */
  PROCES("proces"),
  /** Context of an area resolution, e.g. MANHUNT (neighbouring regions and partners). */
  CONTEXT("context"),
  /** PRIMAIR or FALLBACK channel of a notification. */
  KANAAL("kanaal"),
  /** Why a GRIP advice is given: MOGELIJK_TERRORISTISCH_MOTIEF or MANHUNT. */
  REDEN("reden");

  /** Values of the {@link #GEBEURTENIS} header. */
  public enum LogbookEvent {
    STILZWIJGEN_REGIO,
    STILZWIJGEN_AANBOD,
    VIER_OGEN_GEWEIGERD,
    /** A level 5 reached its end time without a decision to extend or lower it. */
    VERLOPEN_ZONDER_BESLUIT,
    /** The second NCTV decider refused to co-sign a level decision: it is not in force. */
    MEDEONDERTEKENING_GEWEIGERD,
    /** An NCTV decider decided not to wait for the information of every partner (with a reason). */
    BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE
  }

  private final String key;

  TaskHeader(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<TaskHeader> of(String key) {
    return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return key;
  }
}
