package nl.knooppunt.workers.notification;

import java.util.concurrent.atomic.AtomicReference;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.LevelFiveMeasures;
import nl.knooppunt.directory.MeasureRole;
import org.springframework.stereotype.Component;

/**
 * The version of the level-5 measures per role that notices carry now: version 1 from the seeds
 * until a newer version is known; a version never goes back to an older one.
 */
@Component
public class CurrentMeasures {

  private final AtomicReference<LevelFiveMeasures> current =
      new AtomicReference<>(LevelFiveMeasures.first());

  /** The version notices carry now. */
  public LevelFiveMeasures current() {
    return current.get();
  }

  /** Takes a version if it is newer than the one in force; an older or equal one is ignored. */
  public void offer(LevelFiveMeasures version) {
    if (version != null) {
      current.accumulateAndGet(version, (now, next) -> next.version() > now.version() ? next : now);
    }
  }

  /** The measures a notice to this authority carries, in the version in force. */
  public OutgoingNotice.Measures forAuthority(Authority recipient) {
    LevelFiveMeasures version = current();
    MeasureRole role = MeasureRole.of(recipient == null ? null : recipient.role());
    return new OutgoingNotice.Measures(version.version(), role.label(), version.forRole(role));
  }
}
