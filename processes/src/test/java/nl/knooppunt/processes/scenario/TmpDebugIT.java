package nl.knooppunt.processes.scenario;

import java.nio.file.Path;
import java.time.Duration;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Taak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmpDebugIT {
  @TempDir Path dir;

  @Test
  void debug() throws Exception {
    try (Knooppunt hub = Knooppunt.start(dir)) {
      Stappen stap = new Stappen(hub);
      long i = hub.start(ProcessId.DREIGINGSNIVEAU_5, stap.voorstel("D", Stappen.provincieUtrecht()));
      stap.informatieDelen(i, Taak.INFORMATIE_DELEN);
      stap.afstemmen(i, "VR09");
      stap.besluit(i, Stappen.NCTV, "AFKONDIGEN", hub.nu().plus(Duration.ofHours(6)).toString());
      var t = hub.taak(i, Taak.COMMUNICATIE_AFKONDIGING);
      System.out.println("DEBUG task " + t);
      for (JobType jt : JobType.values()) {
        hub.jobs(jt, j -> true).forEach(j -> System.out.println("DEBUG " + j.volgnummer() + " " + jt + " " + j.job().getElementId() + " " + j.variabelen()));
      }
    }
  }
}
