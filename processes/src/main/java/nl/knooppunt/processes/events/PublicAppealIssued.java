package nl.knooppunt.processes.events;

import java.util.List;

/**
 * {@link EventType#PUBLIEKSOPROEP_UITGEZET}: public appeals went out (manhunt). Produced by the
 * workers. Id {@code <job key>#<type>}.
 *
 * @param channels {@code NL_ALERT}, {@code BURGERNET}, {@code OPSPORINGSBERICHT_FOTO_NAAM}
 * @param decidedBy the officier van justitie who decided
 * @param explanation the decision's explanation
 * @param origin the job
 */
public record PublicAppealIssued(
    List<String> channels, String decidedBy, String explanation, Origin origin)
    implements EventPayload {

  public PublicAppealIssued {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }
}
