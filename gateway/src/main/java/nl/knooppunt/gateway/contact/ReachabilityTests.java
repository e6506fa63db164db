package nl.knooppunt.gateway.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.engine.Orchestration;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.ContactChainSet;
import nl.knooppunt.processes.variables.NoticeContent;
import nl.knooppunt.processes.variables.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The reachability test (bereikbaarheidstest) of an authority's chain: one informeer-gezagen
 * instance started directly on the engine, no crisis (no {@code crisis.gestart}, no crisis row),
 * marked OEFENING, to every person of the chain at once ({@code heleKeten}), under the reference
 * {@code BT-<n>}. Its report reads what was sent ({@code delivery_attempt}) and who confirmed by
 * link ({@code acknowledgement_link_use}, by place in the chain) for the test's notification id.
 *
 * <p>The SLA is {@link #SLA}: longer than a test is watched, so no operator call task results from
 * a test while it runs; ending the test cancels the instance.
 */
@Service
public class ReachabilityTests {

  /** The confirmation wait of a test: the fallback would come after a day, the call after two. */
  public static final String SLA = "P1D";

  /** One test: reference, authority, the chain tested, who started it when, ended or not. */
  public record Test(
      String reference,
      String authorityCode,
      String notificationId,
      Long processInstanceKey,
      Integer chainVersion,
      List<ContactChainSet.Person> chain,
      String startedBy,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt) {}

  /** What was sent to one person, by channel. */
  public record Sent(String channel, String address, String status, String detail) {}

  /** One person of the tested chain: what was sent, whether and when the person confirmed. */
  public record PersonResult(
      ContactChainSet.Person person, List<Sent> sent, OffsetDateTime confirmedAt) {
    public boolean confirmed() {
      return confirmedAt != null;
    }
  }

  private final JdbcTemplate jdbc;
  private final Orchestration engine;
  private final ContactRegister register;
  private final DirectoryAdapter directory;
  private final ObjectMapper json;

  public ReachabilityTests(
      JdbcTemplate jdbc,
      Orchestration engine,
      ContactRegister register,
      DirectoryAdapter directory,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.register = register;
    this.directory = directory;
    this.json = json;
  }

  /**
   * Starts a test of the authority's register chain. Refused (409) when the register has no chain
   * (or an empty one) for it: the demo chain reaches nobody.
   */
  public Test start(String authorityCode) {
    KnooppuntUser user = CurrentUsers.current();
    Authority authority = register.authority(authorityCode);
    ContactScope.require(user, authority, directory);
    ContactRegister.Chain chain =
        register
            .chain(authorityCode)
            .filter(c -> !c.people().isEmpty())
            .orElseThrow(
                () ->
                    new Problems.Conflict(
                        "Het contactregister heeft nog geen keten voor "
                            + authority.name()
                            + "; leg eerst de keten vast."));
    Long n = jdbc.queryForObject("select nextval('reachability_test_number')", Long.class);
    String reference = "BT-" + n;
    String notificationId = reference + "/" + authority.code();
    List<ContactChainSet.Person> tested =
        chain.people().stream().map(ContactPerson::onTopic).toList();
    Map<String, Object> ontvanger = new LinkedHashMap<>();
    ontvanger.put("code", authority.code());
    ontvanger.put("naam", authority.name());
    ontvanger.put("soort", kind(authority).name());
    Map<String, Object> bericht = new LinkedHashMap<>();
    bericht.put("soort", NoticeContent.Kind.BEREIKBAARHEIDSTEST.name());
    bericht.put("onderwerp", "Bereikbaarheidstest " + reference);
    bericht.put(
        "tekst", "Test van de bereikbaarheid van de contactketen van " + authority.name() + ".");
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Variable.CRISIS_ID.variableName(), reference);
    variables.put(Variable.EXERCISE.variableName(), true);
    variables.put(Variable.ONTVANGERS.variableName(), List.of(ontvanger));
    variables.put(Variable.BERICHT.variableName(), bericht);
    variables.put(Variable.REFERENTIE.variableName(), reference);
    variables.put(Variable.SLA_BEVESTIGING.variableName(), SLA);
    variables.put(Variable.HELE_KETEN.variableName(), true);
    long key = engine.startProcess(ProcessId.INFORMEER_GEZAGEN.id(), variables);
    jdbc.update(
        "insert into reachability_test (reference, authority_code, notification_id,"
            + " process_instance_key, chain_version, chain, started_by, started_by_name,"
            + " started_at) values (?, ?, ?, ?, ?, ?, ?, ?, now())",
        reference,
        authority.code(),
        notificationId,
        key,
        chain.version(),
        toJson(tested),
        user.username(),
        user.displayName());
    register.note(
        authority.code(),
        ContactRegister.Source.BEREIKBAARHEIDSTEST,
        "bereikbaarheidstest " + reference + " gestart (" + tested.size() + " personen)");
    return test(reference).orElseThrow();
  }

  /** Ends a running test: its process instance is cancelled (no call task follows). */
  public void end(String reference) {
    KnooppuntUser user = CurrentUsers.current();
    Test t = test(reference).orElseThrow(() -> unknown(reference));
    ContactScope.require(user, register.authority(t.authorityCode()), directory);
    if (t.endedAt() != null) {
      return;
    }
    if (t.processInstanceKey() != null) {
      try {
        engine.cancelProcessInstance(t.processInstanceKey());
      } catch (RuntimeException e) {
        // finished or gone already: nothing left to cancel
      }
    }
    jdbc.update(
        "update reachability_test set ended_by = ?, ended_at = now() where reference = ?",
        user.username(),
        reference);
    register.note(
        t.authorityCode(),
        ContactRegister.Source.BEREIKBAARHEIDSTEST,
        "bereikbaarheidstest " + reference + " beëindigd");
  }

  public Optional<Test> test(String reference) {
    return jdbc
        .query("select * from reachability_test where reference = ?", (rs, i) -> row(rs), reference)
        .stream()
        .findFirst();
  }

  /** The tests of an authority, newest first. */
  public List<Test> of(String authorityCode) {
    return jdbc.query(
        "select * from reachability_test where authority_code = ? order by started_at desc,"
            + " reference desc limit 50",
        (rs, i) -> row(rs),
        authorityCode);
  }

  /** Per person of the tested chain: what was sent and whether the person confirmed. */
  public List<PersonResult> report(Test t) {
    Map<Integer, List<Sent>> sent = new LinkedHashMap<>();
    jdbc.query(
        "select chain_order, channel, address, status, detail from delivery_attempt where"
            + " notification_id = ? order by attempted_at, channel",
        rs -> {
          sent.computeIfAbsent(rs.getInt("chain_order"), k -> new ArrayList<>())
              .add(
                  new Sent(
                      rs.getString("channel"),
                      rs.getString("address"),
                      rs.getString("status"),
                      rs.getString("detail")));
        },
        t.notificationId());
    Map<Integer, OffsetDateTime> confirmed = new LinkedHashMap<>();
    jdbc.query(
        "select chain_order, min(used_at) as at from acknowledgement_link_use where"
            + " notification_id = ? group by chain_order",
        rs -> {
          confirmed.put(rs.getInt("chain_order"), rs.getObject("at", OffsetDateTime.class));
        },
        t.notificationId());
    return t.chain().stream()
        .map(
            p ->
                new PersonResult(
                    p, sent.getOrDefault(p.order(), List.of()), confirmed.get(p.order())))
        .toList();
  }

  static Recipient.Kind kind(Authority a) {
    return switch (a.role()) {
      case BURGEMEESTER, VOORZITTER_VEILIGHEIDSREGIO -> Recipient.Kind.GEZAG;
      case VEILIGHEIDSREGIO -> Recipient.Kind.VEILIGHEIDSREGIO;
      case POLITIECHEF -> Recipient.Kind.POLITIE_EENHEID;
      case HOOFDOFFICIER_VAN_JUSTITIE -> Recipient.Kind.OM;
      case KMAR -> Recipient.Kind.KMAR;
      default -> Recipient.Kind.PARTNER;
    };
  }

  private Test row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Object key = rs.getObject("process_instance_key");
    Object version = rs.getObject("chain_version");
    return new Test(
        rs.getString("reference"),
        rs.getString("authority_code"),
        rs.getString("notification_id"),
        key == null ? null : ((Number) key).longValue(),
        version == null ? null : ((Number) version).intValue(),
        fromJson(rs.getString("chain")),
        rs.getString("started_by_name") != null
            ? rs.getString("started_by_name")
            : rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("ended_at", OffsetDateTime.class));
  }

  private String toJson(List<ContactChainSet.Person> chain) {
    try {
      return json.writeValueAsString(chain);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ContactChainSet.Person> fromJson(String s) {
    try {
      return json.readValue(s, new TypeReference<List<ContactChainSet.Person>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Problems.NotFound unknown(String reference) {
    return new Problems.NotFound("Bereikbaarheidstest " + reference + " is onbekend.");
  }
}
