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
   * The messages the hub sent, the newest first (at most 500): all when {@code recipientCodes} is
   * null, else those to these authorities; optionally of one crisis and over one channel.
   */
  public List<Attempt> sent(
      Collection<String> recipientCodes, String crisisId, String channel, Boolean exercise) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("all", recipientCodes == null)
            .addValue(
                "codes",
                recipientCodes == null ? new String[0] : recipientCodes.toArray(String[]::new))
            .addValue("crisis", blankToNull(crisisId))
            .addValue("channel", blankToNull(channel))
            .addValue("exercise", exercise);
    return jdbc.query(
        SELECT
            + " where (:all or a.recipient_code = any(cast(:codes as text[]))) and (cast(:crisis as"
            + " text) is null or a.crisis_id = :crisis) and (cast(:channel as text) is null or"
            + " a.channel = :channel) and (cast(:exercise as boolean) is null or a.exercise ="
            + " :exercise) order by a.attempted_at desc, a.event_id limit 500",
        p,
        (rs, i) -> attempt(rs));
  }

  /** The crises that messages were sent for (id → title), for the filter. */
  public Map<String, String> crises(Collection<String> recipientCodes) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("all", recipientCodes == null)
            .addValue(
                "codes",
                recipientCodes == null ? new String[0] : recipientCodes.toArray(String[]::new));
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        "select a.crisis_id, max(c.title) as title, max(a.attempted_at) as latest from"
            + " delivery_attempt a left join crisis c on c.crisis_id = a.crisis_id where"
            + " a.crisis_id is not null and (:all or a.recipient_code = any(cast(:codes as"
            + " text[]))) group by a.crisis_id order by latest desc limit 100",
        p,
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
