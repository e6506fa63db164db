package nl.knooppunt.workers.jobs;

import java.util.List;
import nl.knooppunt.directory.Area;
import nl.knooppunt.directory.AuthorityRole;
import nl.knooppunt.processes.variabelen.Gebied;
import nl.knooppunt.processes.variabelen.Ontvanger;

/** Translates between the process variables and the directory's types. */
final class Areas {

  private Areas() {}

  static Area toDirectory(Gebied gebied) {
    Area.Level level =
        switch (gebied.soort()) {
          case PROVINCIE -> Area.Level.PROVINCE;
          case VEILIGHEIDSREGIO -> Area.Level.REGION;
          case GEMEENTE -> Area.Level.MUNICIPALITY;
        };
    return new Area(level, gebied.codes() == null ? List.of() : gebied.codes());
  }

  static Ontvanger.Soort recipientKind(AuthorityRole role) {
    return switch (role) {
      case BURGEMEESTER, VOORZITTER_VEILIGHEIDSREGIO -> Ontvanger.Soort.GEZAG;
      case VEILIGHEIDSREGIO -> Ontvanger.Soort.VEILIGHEIDSREGIO;
      case POLITIECHEF -> Ontvanger.Soort.POLITIE_EENHEID;
      case HOOFDOFFICIER_VAN_JUSTITIE -> Ontvanger.Soort.OM;
      case KMAR -> Ontvanger.Soort.KMAR;
      case NCC, NCTV, LOCC -> Ontvanger.Soort.PARTNER;
    };
  }
}
