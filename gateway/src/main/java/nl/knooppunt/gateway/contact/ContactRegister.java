package nl.knooppunt.gateway.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.ContactChainSet;
import nl.knooppunt.processes.events.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact register (docs/adr/0035): the one source of the people the hub reaches per authority.
 * Every change of a chain, from the page or a CSV import, is in one transaction: the chain's
 * version + 1, one row in the append-only audit trail (before and after as JSON) and one {@link
 * ContactChainSet} on the compacted contacts topic through the outbox, which the workers read. Who
 * may change which authority: {@link ContactScope}.
 */
@Service
public class ContactRegister {

  /** Where a change came from, as the audit trail names it. */
  public enum Source {
    PAGINA("pagina /contacten"),
    CSV("CSV-import"),
    BEREIKBAARHEIDSTEST("bereikbaarheidstest");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An authority's chain as the register holds it now. */
  public record Chain(
      String authorityCode,
      int version,
      List<ContactPerson> people,
      String changedBy,
      OffsetDateTime changedAt) {

    /** Whether any person in it is demo data. */
    public boolean demo() {
      return people.stream().anyMatch(ContactPerson::demo);
    }
  }

  /** One row of the audit trail. */
  public record AuditEntry(
      long id,
      String authorityCode,
      Integer version,
      String changedBy,
      String changedByName,
      OffsetDateTime changedAt,
      String source,
      String summary,
      String before,
      String after) {}

  private final JdbcTemplate jdbc;
  private final OutboxPublisher publisher;
  private final DirectoryAdapter directory;
  private final ObjectMapper json;

  public ContactRegister(
      JdbcTemplate jdbc, OutboxPublisher publisher, DirectoryAdapter directory, ObjectMapper json) {
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.directory = directory;
    this.json = json;
  }

  /** The register's chain of an authority; empty when the register has none. */
  public Optional<Chain> chain(String authorityCode) {
    List<Chain> found =
        jdbc.query(
            "select authority_code, version, coalesce(changed_by_name, changed_by) as by,"
                + " changed_at from contact_chain where authority_code = ?",
            (rs, i) ->
                new Chain(
                    rs.getString("authority_code"),
                    rs.getInt("version"),
                    List.of(),
                    rs.getString("by"),
                    rs.getObject("changed_at", OffsetDateTime.class)),
            authorityCode);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Chain c = found.get(0);
    return Optional.of(
        new Chain(
            c.authorityCode(), c.version(), people(authorityCode), c.changedBy(), c.changedAt()));
  }

  /** Every chain in the register, by authority code. */
  public Map<String, Chain> chains() {
    Map<String, Chain> out = new LinkedHashMap<>();
    jdbc.query(
            "select authority_code from contact_chain order by authority_code",
            (rs, i) -> rs.getString(1))
        .forEach(code -> chain(code).ifPresent(c -> out.put(code, c)));
    return out;
  }

  /** The versions of the chains in the register (for the overview). */
  public Map<String, int[]> summary() {
    Map<String, int[]> out = new LinkedHashMap<>();
    jdbc.query(
        "select c.authority_code, c.version, count(p.id) as people,"
            + " count(p.id) filter (where p.demo) as demo from contact_chain c left join"
            + " contact_person p on p.authority_code = c.authority_code group by"
            + " c.authority_code, c.version",
        rs -> {
          out.put(
              rs.getString("authority_code"),
              new int[] {rs.getInt("version"), rs.getInt("people"), rs.getInt("demo")});
        });
    return out;
  }

  /** How many demo people the register holds (a production hub refuses to start with any). */
  public long demoPeople() {
    Long n = jdbc.queryForObject("select count(*) from contact_person where demo", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Replaces the chain of one authority. Refused (409) when someone changed it since {@code
   * basedOnVersion} (0: the register had no chain); 403 when the user may not change it.
   */
  @Transactional
  public Chain replace(
      String authorityCode,
      int basedOnVersion,
      List<ContactPerson> people,
      Source source,
      String summary) {
    KnooppuntUser user = CurrentUsers.current();
    Authority authority = authority(authorityCode);
    ContactScope.require(user, authority, directory);
    Optional<Chain> before = chain(authorityCode);
    int current = before.map(Chain::version).orElse(0);
    if (basedOnVersion != current) {
      throw new Problems.Conflict(
          "De contactketen van "
              + authority.name()
              + " is intussen gewijzigd (versie "
              + current
              + "). Open de pagina opnieuw en breng uw wijziging aan in die versie.");
    }
    return write(user, authority, before, people, source, summary);
  }

  /**
   * Replaces the chains of several authorities at once (the CSV import): all or nothing; each
   * changed authority gets one version, one audit row, one topic record. An authority whose chain
   * stays the same is left alone. Returns the authorities changed.
   */
  @Transactional
  public List<String> replaceAll(Map<String, List<ContactPerson>> chains, Source source) {
    KnooppuntUser user = CurrentUsers.current();
    List<String> changed = new ArrayList<>();
    chains.forEach(
        (code, people) -> {
          Authority authority = authority(code);
          ContactScope.require(user, authority, directory);
          Optional<Chain> before = chain(code);
          List<ContactPerson> sorted = sorted(people);
          if (before.isPresent() && before.get().people().equals(sorted)) {
            return;
          }
          if (before.isEmpty() && sorted.isEmpty()) {
            return;
          }
          write(user, authority, before, sorted, source, "keten ingelezen uit CSV");
          changed.add(code);
        });
    return changed;
  }

  private Chain write(
      KnooppuntUser user,
      Authority authority,
      Optional<Chain> before,
      List<ContactPerson> people,
      Source source,
      String summary) {
    String code = authority.code();
    List<ContactPerson> chain = sorted(people);
    int next = before.map(Chain::version).orElse(0) + 1;
    Instant now = Instant.now();
    Timestamp at = Timestamp.from(now);
    if (before.isPresent()) {
      jdbc.update(
          "update contact_chain set version = ?, changed_by = ?, changed_by_name = ?, changed_at"
              + " = ? where authority_code = ? and version = ?",
          next,
          user.username(),
          user.displayName(),
          at,
          code,
          next - 1);
      jdbc.update("delete from contact_person where authority_code = ?", code);
    } else {
      jdbc.update(
          "insert into contact_chain (authority_code, version, changed_by, changed_by_name,"
              + " changed_at) values (?, ?, ?, ?, ?)",
          code,
          next,
          user.username(),
          user.displayName(),
          at);
    }
    for (int place = 0; place < chain.size(); place++) {
      insert(code, place, chain.get(place));
    }
    jdbc.update(
        "insert into contact_audit (authority_code, version, changed_by, changed_by_name,"
            + " changed_at, source, summary, before_chain, after_chain) values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        code,
        next,
        user.username(),
        user.displayName(),
        at,
        source.name(),
        summary,
        before.map(c -> toJson(c.people())).orElse(null),
        toJson(chain));
    ContactChainSet set =
        new ContactChainSet(
            code,
            next,
            chain.stream().anyMatch(ContactPerson::demo),
            chain.stream().map(ContactPerson::onTopic).toList(),
            user.username());
    publisher.publishContacts(
        CloudEvent.of(
                "contacten/" + code + "/v" + next,
                EventType.CONTACTEN_VASTGESTELD,
                Sources.GATEWAY,
                now,
                null,
                false,
                set)
            .by(user.username(), user.displayName()));
    return chain(code).orElseThrow();
  }

  /** A line in the audit trail without a change of the chain (a reachability test). */
  public void note(String authorityCode, Source source, String summary) {
    KnooppuntUser user = CurrentUsers.current();
    jdbc.update(
        "insert into contact_audit (authority_code, version, changed_by, changed_by_name,"
            + " changed_at, source, summary) values (?, (select version from contact_chain where"
            + " authority_code = ?), ?, ?, now(), ?, ?)",
        authorityCode,
        authorityCode,
        user.username(),
        user.displayName(),
        source.name(),
        summary);
  }

  /** The audit trail of an authority, newest first. */
  public List<AuditEntry> audit(String authorityCode) {
    return jdbc.query(
        "select * from contact_audit where authority_code = ? order by id desc limit 200",
        (rs, i) ->
            new AuditEntry(
                rs.getLong("id"),
                rs.getString("authority_code"),
                (Integer) rs.getObject("version"),
                rs.getString("changed_by"),
                rs.getString("changed_by_name"),
                rs.getObject("changed_at", OffsetDateTime.class),
                rs.getString("source"),
                rs.getString("summary"),
                rs.getString("before_chain"),
                rs.getString("after_chain")),
        authorityCode);
  }

  Authority authority(String code) {
    return directory
        .authority(code)
        .orElseThrow(() -> new Problems.NotFound("Autoriteit " + code + " is onbekend."));
  }

  /** The chain as JSON (the audit trail's before and after). */
  String toJson(List<ContactPerson> people) {
    try {
      return json.writeValueAsString(people.stream().map(ContactPerson::onTopic).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ContactPerson> sorted(List<ContactPerson> people) {
    return people.stream().sorted(Comparator.comparingInt(ContactPerson::order)).toList();
  }

  private void insert(String code, int place, ContactPerson p) {
    Long id =
        jdbc.queryForObject(
            "insert into contact_person (authority_code, place, chain_order, position, name,"
                + " function, demo) values (?, ?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            code,
            place,
            p.order(),
            p.position().name(),
            p.name(),
            p.function(),
            p.demo());
    int rank = 0;
    for (ContactChainSet.Address a : p.channels()) {
      jdbc.update(
          "insert into contact_channel (person_id, rank, channel, address) values (?, ?, ?, ?)",
          id,
          rank++,
          a.channel(),
          a.address());
    }
    for (ContactPerson.Duty d : p.piket()) {
      jdbc.update(
          "insert into contact_duty (person_id, from_at, until_at) values (?, ?, ?)",
          id,
          Timestamp.from(d.from()),
          Timestamp.from(d.until()));
    }
  }

  private List<ContactPerson> people(String code) {
    record Row(long id, int order, String position, String name, String function, boolean demo) {}
    List<Row> rows =
        jdbc.query(
            "select id, chain_order, position, name, function, demo from contact_person where"
                + " authority_code = ? order by place",
            (rs, i) ->
                new Row(
                    rs.getLong("id"),
                    rs.getInt("chain_order"),
                    rs.getString("position"),
                    rs.getString("name"),
                    rs.getString("function"),
                    rs.getBoolean("demo")),
            code);
    List<ContactPerson> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, String> channels = new LinkedHashMap<>();
      jdbc.query(
          "select channel, address from contact_channel where person_id = ? order by rank",
          rs -> {
            channels.putIfAbsent(rs.getString("channel"), rs.getString("address"));
          },
          r.id());
      List<ContactPerson.Duty> piket =
          jdbc.query(
              "select from_at, until_at from contact_duty where person_id = ? order by from_at",
              (rs, i) ->
                  new ContactPerson.Duty(
                      rs.getTimestamp("from_at").toInstant(),
                      rs.getTimestamp("until_at").toInstant()),
              r.id());
      out.add(
          new ContactPerson(
              r.order(),
              ChainContact.Position.valueOf(r.position()),
              r.name(),
              r.function(),
              channels.get("EMAIL"),
              channels.get("SMS"),
              channels.get("TELEFOON"),
              piket,
              r.demo()));
    }
    return out;
  }
}
