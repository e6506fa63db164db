package nl.knooppunt.gateway.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.knooppunt.api.LogboekApi;
import nl.knooppunt.api.model.LogbookExport;
import nl.knooppunt.api.model.LogbookVerification;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Logbook export per crisis (JSON, CSV) and verification of the whole hash chain. */
@RestController
class LogbookController implements LogboekApi {

  private final Logbook logbook;
  private final Queries queries;
  private final LogbookEntries entries;

  LogbookController(Logbook logbook, Queries queries, LogbookEntries entries) {
    this.entries = entries;
    this.logbook = logbook;
    this.queries = queries;
  }

  private List<Logbook.Entry> entries(String crisisId) {
    if (queries.crisis(crisisId).isEmpty()) {
      throw new Problems.NotFound("Crisis " + crisisId + " is onbekend.");
    }
    return logbook.ofCrisis(crisisId);
  }

  @Override
  public ResponseEntity<LogbookExport> exportLogbookJson(String crisisId) {
    LogbookExport export =
        new LogbookExport(
                crisisId,
                OffsetDateTime.now(ZoneOffset.UTC),
                entries(crisisId).stream().map(entries::entry).toList())
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
    for (Logbook.Entry e : entries(crisisId)) {
      csv.append(e.sequence())
          .append(',')
          .append(e.occurredAt())
          .append(',')
          .append(e.recordedAt())
          .append(',')
          .append(cell(e.type()))
          .append(',')
          .append(cell(e.actor()))
          .append(',')
          .append(cell(e.summary()))
          .append(',')
          .append(cell(e.eventId()))
          .append(',')
          .append(e.previousHash())
          .append(',')
          .append(e.hash())
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
            .checkedAt(OffsetDateTime.now(ZoneOffset.UTC)));
  }
}
