package nl.knooppunt.gateway.logbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.knooppunt.processes.events.CloudEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained logbook. Every entry carries the hash of the previous one, keyed
 * with the logbook's secret ({@link LogbookSeal}, never in the database); {@link #verify()}
 * recomputes the chain, checks it against the anchors kept outside the database ({@link
 * LogbookAnchors}) and reports the first broken link. There is no update or delete in code, and a
 * database trigger refuses them.
 */
@Component
public class Logbook {

  /** Previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  public static final String HASH_ALGORITHM =
      "HMAC-SHA-256 (key outside the database) over: previous hash, sequence, event id, crisis id, type, occurredAt, recordedAt,"
          + " actor, summary, exercise, data (each followed by a newline)";

  /** Serializes appends (one chain) within the database, also across gateway instances. */
  private static final long APPEND_LOCK = 0x4b4e50_4c4f47L;

  private final JdbcTemplate jdbc;
  private final LogbookSeal seal;
  private final LogbookAnchors anchors;

  public Logbook(JdbcTemplate jdbc, LogbookSeal seal, LogbookAnchors anchors) {
    this.jdbc = jdbc;
    this.seal = seal;
    this.anchors = anchors;
  }

  /** One entry. */
  public record Entry(
      long sequence,
      String eventId,
      String crisisId,
      String type,
      Instant occurredAt,
      Instant recordedAt,
      String actor,
      String summary,
      boolean exercise,
      String data,
      String previousHash,
      String hash) {}

  /** Appends the event unless its id is already in the logbook; must run in a transaction. */
  @Transactional
  public boolean append(CloudEvent<?> event, String summary, String data, Instant recordedAt) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, APPEND_LOCK);
    Integer exists =
        jdbc.queryForObject(
            "select count(*) from logbook where event_id = ?", Integer.class, event.id());
    if (exists != null && exists > 0) {
      return false;
    }
    List<Object[]> last =
        jdbc.query(
            "select sequence, hash from logbook order by sequence desc limit 1",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    long sequence = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
    String previous = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
    Instant recorded = recordedAt.truncatedTo(ChronoUnit.MICROS);
    Instant occurred = event.time().truncatedTo(ChronoUnit.MICROS);
    String hash =
        hash(
            seal,
            previous,
            sequence,
            event.id(),
            event.crisisId(),
            event.type().type(),
            occurred,
            recorded,
            event.actor(),
            summary,
            event.exercise(),
            data);
    jdbc.update(
        "insert into logbook (sequence, event_id, crisis_id, type, occurred_at, recorded_at, actor,"
            + " summary, exercise, data, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)",
        sequence,
        event.id(),
        event.crisisId(),
        event.type().type(),
        OffsetDateTime.ofInstant(occurred, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC),
        event.actor(),
        summary,
        event.exercise(),
        data,
        previous,
        hash);
    return true;
  }

  static String hash(
      LogbookSeal seal,
      String previous,
      long sequence,
      String eventId,
      String crisisId,
      String type,
      Instant occurredAt,
      Instant recordedAt,
      String actor,
      String summary,
      boolean exercise,
      String data) {
    StringBuilder s = new StringBuilder();
    for (Object part :
        new Object[] {
          previous,
          sequence,
          eventId,
          crisisId,
          type,
          occurredAt,
          recordedAt,
          actor,
          summary,
          exercise,
          data
        }) {
      s.append(part == null ? "" : part.toString()).append('\n');
    }
    return seal.mac(s.toString());
  }

  static Entry map(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong("sequence"),
        rs.getString("event_id"),
        rs.getString("crisis_id"),
        rs.getString("type"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("summary"),
        rs.getBoolean("exercise"),
        rs.getString("data"),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  /**
   * The entries of one crisis in order, as stored. Pages and the API read them through {@link
   * LogbookEntries}, which applies the reader's scope and clearance (GatewayStructureTest).
   */
  public List<Entry> ofCrisis(String crisisId) {
    return jdbc.query(
        "select * from logbook where crisis_id = ? order by sequence",
        (rs, i) -> map(rs),
        crisisId);
  }

  /**
   * The outcome of a verification; {@code kafkaAnchorsChecked} is null when the anchors on Kafka
   * could not be read.
   */
  public record Verification(
      boolean valid,
      long entriesChecked,
      Long firstBrokenSequence,
      String reason,
      String lastHash,
      int anchorsChecked,
      Integer kafkaAnchorsChecked) {}

  /**
   * Recomputes the whole chain (stops at the first broken link), then holds it against every
   * anchor, those in the anchor file and those on Kafka: an anchor that is not sealed with the key,
   * names another hash for its entry, or names an entry the logbook no longer has, breaks the chain
   * there.
   */
  public Verification verify() {
    List<LogbookAnchors.Anchor> fileAnchors = anchors.read();
    java.util.Optional<List<LogbookAnchors.Anchor>> kafkaAnchors = anchors.readKafka();
    java.util.Set<Long> anchored = new java.util.HashSet<>();
    fileAnchors.forEach(a -> anchored.add(a.sequence()));
    kafkaAnchors.ifPresent(list -> list.forEach(a -> anchored.add(a.sequence())));
    java.util.Map<Long, String> seen = new java.util.HashMap<>();
    class State {
      long checked;
      long expectedSequence = 1;
      String previous = GENESIS;
      Long broken;
      String reason;
    }
    State state = new State();
    jdbc.query(
        "select * from logbook order by sequence",
        (RowCallbackHandler)
            rs -> {
              if (state.broken != null) {
                return;
              }
              Entry e = map(rs);
              state.checked++;
              if (e.sequence() != state.expectedSequence) {
                state.broken = e.sequence();
                state.reason =
                    "volgnummer "
                        + state.expectedSequence
                        + " ontbreekt (gevonden "
                        + e.sequence()
                        + ")";
                return;
              }
              if (!state.previous.equals(e.previousHash())) {
                state.broken = e.sequence();
                state.reason = "vorige hash klopt niet met de hash van regel " + (e.sequence() - 1);
                return;
              }
              String recomputed =
                  hash(
                      seal,
                      e.previousHash(),
                      e.sequence(),
                      e.eventId(),
                      e.crisisId(),
                      e.type(),
                      e.occurredAt(),
                      e.recordedAt(),
                      e.actor(),
                      e.summary(),
                      e.exercise(),
                      e.data());
              if (!recomputed.equals(e.hash())) {
                state.broken = e.sequence();
                state.reason = "inhoud van regel " + e.sequence() + " past niet bij de hash";
                return;
              }
              if (anchored.contains(e.sequence())) {
                seen.put(e.sequence(), e.hash());
              }
              state.previous = e.hash();
              state.expectedSequence++;
            });
    Chain chain = new Chain(state.checked, state.expectedSequence, state.previous, state.broken);
    AnchorCheck file = check(fileAnchors, "in het ankerbestand", chain, seen);
    AnchorCheck kafka = kafkaAnchors.map(list -> check(list, "op Kafka", chain, seen)).orElse(null);
    Integer kafkaChecked = kafka == null ? null : kafka.checked();
    for (AnchorCheck c : java.util.Arrays.asList(file, kafka)) {
      if (c != null && c.brokenSequence() != null) {
        return new Verification(
            false,
            state.checked,
            c.brokenSequence(),
            c.reason(),
            state.previous,
            file.checked(),
            kafkaChecked);
      }
    }
    return new Verification(
        state.broken == null,
        state.checked,
        state.broken,
        state.reason,
        state.previous,
        file.checked(),
        kafkaChecked);
  }

  /** Where the recomputation of the chain ended. */
  private record Chain(long checked, long expectedSequence, String lastHash, Long broken) {}

  /** Anchors of one copy held against the chain: how many agreed, or where the first broke it. */
  private record AnchorCheck(int checked, Long brokenSequence, String reason) {}

  private AnchorCheck check(
      List<LogbookAnchors.Anchor> list,
      String where,
      Chain chain,
      java.util.Map<Long, String> seen) {
    int checked = 0;
    for (LogbookAnchors.Anchor a : list) {
      if (!anchors.genuine(a)) {
        return new AnchorCheck(
            checked,
            a.sequence(),
            "anker "
                + (checked + 1)
                + " "
                + where
                + " is niet met de sleutel van het logboek verzegeld");
      }
      if (chain.broken() != null && a.sequence() >= chain.broken()) {
        break;
      }
      String hash = seen.get(a.sequence());
      if (hash == null) {
        return new AnchorCheck(
            checked,
            chain.expectedSequence(),
            "het anker van "
                + a.time()
                + " "
                + where
                + " noemt regel "
                + a.sequence()
                + "; het logboek houdt op bij regel "
                + (chain.expectedSequence() - 1));
      }
      if (!hash.equals(a.hash())) {
        return new AnchorCheck(
            checked,
            a.sequence(),
            "regel " + a.sequence() + " past niet bij het anker van " + a.time() + " " + where);
      }
      checked++;
    }
    return new AnchorCheck(checked, null, null);
  }
}
