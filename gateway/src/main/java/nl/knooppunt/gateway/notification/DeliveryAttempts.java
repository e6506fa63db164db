package nl.knooppunt.gateway.notification;

import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.gateway.web.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attempts to deliver notices by e-mail and SMS as the read model keeps them ({@code
 * delivery_attempt}): per notice for the notification tables, and as the list of messages the hub
 * sent ({@code /berichten}).
 */
@Component
public class DeliveryAttempts {

  private final NamedParameterJdbcTemplate jdbc;

  DeliveryAttempts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One attempt in words: person, channel (E-mail / Sms), address, status (afgeleverd / mislukt /
   * onbestelbaar), the channel's reason when it failed, and when.
   */
  public record Attempt(
      String notificationId,
      String crisisId,
      String crisisTitle,
      String recipient,
      int chainOrder,
      String person,
      String channel,
      String address,
      boolean demoContact,
      String status,
      boolean failed,
      String detail,
      String subject,
      String text,
      boolean exercise,
      OffsetDateTime attemptedAt,
      String at) {}

  private static final String SELECT =
      "select a.*, c.title as crisis_title from delivery_attempt a left join crisis c on"
          + " c.crisis_id = a.crisis_id";

  /** The attempts per notice, in the order they were made. */
  public Map<String, List<Attempt>> ofNotifications(Collection<String> notificationIds) {
    Map<String, List<Attempt>> out = new LinkedHashMap<>();
    if (notificationIds.isEmpty()) {
      return out;
    }
    jdbc.query(
            SELECT
                + " where a.notification_id = any(cast(:ids as text[])) order by a.attempted_at,"
                + " a.chain_order, a.channel",
            Map.of("ids", notificationIds.toArray(String[]::new)),
            (rs, i) -> attempt(rs))
        .forEach(
            a -> out.computeIfAbsent(a.notificationId(), k -> new java.util.ArrayList<>()).add(a));
    return out;
  }

  /**
   * The name of the person of a notice's contact chain at {@code chainOrder}, if an attempt knows
   * it.
   */
  public Optional<String> person(String notificationId, int chainOrder) {
    return jdbc
        .queryForList(
            "select person from delivery_attempt where notification_id = :id and chain_order ="
                + " :order and person is not null order by attempted_at limit 1",
            Map.of("id", notificationId, "order", chainOrder),
            String.class)
        .stream()
        .findFirst();
  }

  /**
   * Whose messages a reader sees: every one ({@link #ALL}), or those to the given authorities and,
   * with a region, to every authority of that region (the notice's region in the read model).
   */
  public record Readers(boolean all, Collection<String> recipientCodes, String region) {

    /** Every message (the beheerder). */
    public static final Readers ALL = new Readers(true, List.of(), null);

    MapSqlParameterSource parameters() {
      return new MapSqlParameterSource()
          .addValue("all", all)
          .addValue("codes", recipientCodes.toArray(String[]::new))
          .addValue("region", region);
    }
  }

  private static final String READERS =
      " (:all or a.recipient_code = any(cast(:codes as text[])) or (cast(:region as text) is not"
          + " null and n.vr_code = :region))";

  /**
   * The messages the hub sent to the readers' authorities, the newest first (at most 500),
   * optionally of one crisis and over one channel.
   */
  public List<Attempt> sent(Readers readers, String crisisId, String channel) {
    MapSqlParameterSource p =
        readers
            .parameters()
            .addValue("crisis", blankToNull(crisisId))
            .addValue("channel", blankToNull(channel));
    return jdbc.query(
        SELECT
            + " left join notification n on n.notification_id = a.notification_id where"
            + READERS
            + " and (cast(:crisis as text) is null or a.crisis_id = :crisis) and (cast(:channel as"
            + " text) is null or a.channel = :channel) order by a.attempted_at desc, a.event_id"
            + " limit 500",
        p,
        (rs, i) -> attempt(rs));
  }

  /**
   * The crises the readers' messages were sent for (id → title), the latest first, for the filter.
   */
  public Map<String, String> crises(Readers readers) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        "select a.crisis_id, max(c.title) as title, max(a.attempted_at) as latest from"
            + " delivery_attempt a left join crisis c on c.crisis_id = a.crisis_id left join"
            + " notification n on n.notification_id = a.notification_id where a.crisis_id is not"
            + " null and"
            + READERS
            + " group by a.crisis_id order by latest desc limit 100",
        readers.parameters(),
        rs -> {
          String title = rs.getString("title");
          out.put(rs.getString("crisis_id"), title == null ? rs.getString("crisis_id") : title);
        });
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Attempt attempt(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    OffsetDateTime at = time(rs, "attempted_at");
    String channel = rs.getString("channel");
    String name = rs.getString("recipient_name");
    return new Attempt(
        rs.getString("notification_id"),
        rs.getString("crisis_id"),
        rs.getString("crisis_title"),
        name == null ? rs.getString("recipient_code") : name,
        rs.getInt("chain_order"),
        rs.getString("person"),
        channel(channel),
        rs.getString("address"),
        rs.getBoolean("demo_contact"),
        status(status),
        !"GEACCEPTEERD".equals(status),
        rs.getString("detail"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getBoolean("exercise"),
        at,
        Times.format(at));
  }

  /** The channel in words. */
  static String channel(String channel) {
    return "SMS".equals(channel) ? "Sms" : "EMAIL".equals(channel) ? "E-mail" : channel;
  }

  /** The status in words, as the pages show it. */
  static String status(String status) {
    return switch (status == null ? "" : status) {
      case "GEACCEPTEERD" -> "afgeleverd";
      case "MISLUKT" -> "mislukt";
      case "ONBESTELBAAR" -> "onbestelbaar";
      default -> status;
    };
  }
}
