package nl.knooppunt.gateway.notification;

import static nl.knooppunt.gateway.readmodel.Queries.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.gateway.readmodel.Columns;
import nl.knooppunt.gateway.readmodel.Queries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The notices of the read model: of a crisis, to recipients, who is silent. */
@Component
public class NotificationQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final Queries queries;

  NotificationQueries(NamedParameterJdbcTemplate jdbc, Queries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  private Notification notification(ResultSet rs) throws SQLException {
    OffsetDateTime ack = time(rs, "acknowledged_at");
    OffsetDateTime escalated = time(rs, "escalated_at");
    boolean requiresAck = rs.getBoolean("requires_ack");
    Notification.StatusEnum status =
        ack != null
            ? Notification.StatusEnum.BEVESTIGD
            : !requiresAck
                ? Notification.StatusEnum.GEEN_BEVESTIGING_NODIG
                : escalated != null
                    ? Notification.StatusEnum.GEESCALEERD
                    : Notification.StatusEnum.VERSTUURD;
    Integer round = (Integer) rs.getObject("round");
    Notification n =
        new Notification()
            .notificationId(rs.getString("notification_id"))
            .crisisId(rs.getString("crisis_id"))
            .recipientCode(rs.getString("recipient_code"))
            .recipientName(rs.getString("recipient_name"))
            .municipalityCode(rs.getString("municipality_code"))
            .vrCode(rs.getString("vr_code"))
            .kind(rs.getString("kind"))
            .channel(rs.getString("channel"))
            .round(round)
            .requiresAck(requiresAck)
            .exercise(rs.getBoolean("exercise"))
            .status(status)
            .sentAt(time(rs, "sent_at"))
            .acknowledgedAt(ack)
            .acknowledgedBy(rs.getString("acknowledged_by"))
            .escalatedAt(escalated)
            .fallbackSentAt(time(rs, "fallback_at"))
            .roundRef(rs.getString("round_ref"))
            .subject(rs.getString("subject"))
            .text(rs.getString("body"))
            .crisisTitle(rs.getString("crisis_title"));
    Map<String, Object> details = queries.jsonMap(rs.getString("details"));
    n.area(string(details.get("gebied")))
        .validUntil(offsetTime(string(details.get("geldigTot"))))
        .level(details.get("niveau") instanceof Number l ? l.intValue() : null)
        .expected(string(details.get("verwachting")))
        .contact(string(details.get("contact")))
        .measuresVersion(details.get("maatregelenVersie") instanceof Number v ? v.intValue() : null)
        .measuresRole(string(details.get("maatregelenRol")))
        .measures(
            details.get("maatregelen") instanceof java.util.List<?> list
                ? list.stream().map(String::valueOf).toList()
                : null);
    return n;
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static OffsetDateTime offsetTime(String iso) {
    return Columns.time(iso);
  }

  private static final String NOTIFICATION_SELECT =
      "select n.*, c.title as crisis_title from notification n left join crisis c on c.crisis_id ="
          + " n.crisis_id";

  public List<Notification> notificationsOf(String crisisId) {
    return jdbc.query(
        NOTIFICATION_SELECT
            + " where n.crisis_id = :id order by n.sent_at nulls last, n.notification_id",
        Map.of("id", crisisId),
        (rs, i) -> notification(rs));
  }

  /**
   * Per crisis the names of the first {@code limit} recipients that have not acknowledged a
   * notification that needs it (in the order they were sent): who is silent, for the board.
   */
  public Map<String, List<String>> silentRecipientNames(List<String> crisisIds, int limit) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    if (crisisIds.isEmpty()) {
      return names;
    }
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("ids", crisisIds.toArray(String[]::new))
            .addValue("limit", limit);
    jdbc.query(
        "select crisis_id, name from (select crisis_id, name, row_number() over (partition by"
            + " crisis_id order by first_sent nulls last, name) as n from (select crisis_id,"
            + " coalesce(recipient_name, recipient_code) as name, min(sent_at) as first_sent from"
            + " notification where crisis_id = any(cast(:ids as text[])) and requires_ack and"
            + " acknowledged_at is null group by crisis_id, coalesce(recipient_name,"
            + " recipient_code)) per_recipient) silent where n <= :limit order by crisis_id, n",
        p,
        rs -> {
          names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return names;
  }

  public Optional<Notification> notification(String id) {
    return jdbc
        .query(
            NOTIFICATION_SELECT + " where n.notification_id = :id",
            Map.of("id", id),
            (rs, i) -> notification(rs))
        .stream()
        .findFirst();
  }

  /**
   * The notices addressed to the given recipient codes: not yet acknowledged first, then the
   * newest.
   */
  public List<Notification> notificationsFor(
      java.util.Collection<String> recipientCodes, Boolean exercise, boolean open) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("codes", recipientCodes.toArray(String[]::new))
            .addValue("exercise", exercise)
            .addValue("open", open);
    return jdbc.query(
        NOTIFICATION_SELECT
            + " where n.recipient_code = any(cast(:codes as text[])) and (cast(:exercise as"
            + " boolean) is null or"
            + " n.exercise = :exercise) and (not :open or (n.requires_ack and n.acknowledged_at is"
            + " null)) order by (n.requires_ack and n.acknowledged_at is null) desc, n.sent_at desc"
            + " nulls last, n.notification_id limit 200",
        p,
        (rs, i) -> notification(rs));
  }
}
