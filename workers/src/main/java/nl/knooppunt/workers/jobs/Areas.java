package nl.knooppunt.workers.jobs;

import java.util.List;
import nl.knooppunt.directory.Area;
import nl.knooppunt.directory.AuthorityRole;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.Recipient;

/** Translates between the process variables and the directory's types. */
final class Areas {

  private Areas() {}

  static Area toDirectory(LevelFiveArea gebied) {
    Area.Level level =
        switch (gebied.soort()) {
          case PROVINCIE -> Area.Level.PROVINCE;
          case VEILIGHEIDSREGIO -> Area.Level.REGION;
          case GEMEENTE -> Area.Level.MUNICIPALITY;
        };
    return new Area(level, gebied.codes() == null ? List.of() : gebied.codes());
  }

  static Recipient.Kind recipientKind(AuthorityRole role) {
    return switch (role) {
      case BURGEMEESTER, VOORZITTER_VEILIGHEIDSREGIO -> Recipient.Kind.GEZAG;
      case VEILIGHEIDSREGIO -> Recipient.Kind.VEILIGHEIDSREGIO;
      case POLITIECHEF -> Recipient.Kind.POLITIE_EENHEID;
      case HOOFDOFFICIER_VAN_JUSTITIE -> Recipient.Kind.OM;
      case KMAR -> Recipient.Kind.KMAR;
      case NCC, NCTV, LOCC -> Recipient.Kind.PARTNER;
    };
  }
}
