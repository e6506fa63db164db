package nl.knooppunt.gateway.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.knooppunt.api.LogboekApi;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.LogbookExport;
import nl.knooppunt.api.model.LogbookVerification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logbook export per crisis (JSON, CSV) as the user may read it ({@link LogbookEntries}: scope and
 * clearance), and verification of the whole hash chain.
 */
@RestController
class LogbookController implements LogboekApi {

  private final Logbook logbook;
  private final LogbookEntries entries;

  LogbookController(Logbook logbook, LogbookEntries entries) {
    this.entries = entries;
    this.logbook = logbook;
  }

  @Override
  public ResponseEntity<LogbookExport> exportLogbookJson(String crisisId) {
    LogbookExport export =
        new LogbookExport(crisisId, OffsetDateTime.now(ZoneOffset.UTC), entries.ofCrisis(crisisId))
            .hashAlgorithm(Logbook.HASH_ALGORITHM);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"logboek-" + crisisId + ".json\"")
        .body(export);
  }

  @Override
  public ResponseEntity<String> exportLogbookCsv(String crisisId) {
    StringBuilder csv =
        new StringBuilder(
            "sequence,occurredAt,recordedAt,type,actor,summary,eventId,previousHash,hash\r\n");
    for (LogbookEntry e : entries.ofCrisis(crisisId)) {
      csv.append(e.getSequence())
          .append(',')
          .append(e.getOccurredAt().toInstant())
          .append(',')
          .append(e.getRecordedAt() == null ? "" : e.getRecordedAt().toInstant())
          .append(',')
          .append(cell(e.getType()))
          .append(',')
          .append(cell(e.getActor()))
          .append(',')
          .append(cell(e.getSummary()))
          .append(',')
          .append(cell(e.getEventId()))
          .append(',')
          .append(e.getPreviousHash())
          .append(',')
          .append(e.getHash())
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"logboek-" + crisisId + ".csv\"")
        .body(csv.toString());
  }

  /** RFC 4180: quote when needed, double inner quotes; neutralise spreadsheet formulas. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  @Override
  public ResponseEntity<LogbookVerification> verifyLogbook() {
    Logbook.Verification v = logbook.verify();
    return ResponseEntity.ok(
        new LogbookVerification(v.valid(), v.entriesChecked())
            .firstBrokenSequence(v.firstBrokenSequence())
            .reason(v.reason())
            .lastHash(v.lastHash())
            .anchorsChecked(v.anchorsChecked())
            .kafkaAnchorsChecked(v.kafkaAnchorsChecked())
            .checkedAt(OffsetDateTime.now(ZoneOffset.UTC)));
  }
}
