package nl.knooppunt.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.directory.LevelFiveMeasures;
import nl.knooppunt.directory.MeasureRole;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MeasuresSet;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Notices that say what to do (#14 item 5): the mayor reads the measures for her role and which
 * version of the list they come from; the beheerder edits the list on a page and each save is a new
 * version, on the measures topic for the workers.
 */
class MeasuresPagesIT extends GatewayITBase {

  @Autowired EmbeddedKafkaBroker kafka;

  @Test
  void theMayorReadsTheMeasuresForHerMunicipalityAndTheirVersionAboveTheButton() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String notice = crisis + "/afkondiging/BM-GM0344";
    List<String> measures = LevelFiveMeasures.first().forRole(MeasureRole.GEMEENTE);
    fixtures.apply(
        EventType.MELDING_VERSTUURD,
        crisis,
        false,
        null,
        new Notice(
            notice,
            crisis,
            "BM-GM0344",
            "Burgemeester van Utrecht",
            "BURGEMEESTER",
            "EMAIL",
            null,
            true,
            "AFKONDIGING",
            "Dreigingsniveau 5 afgekondigd",
            "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.",
            "provincie Utrecht",
            Instant.parse("2026-03-18T22:00:00Z"),
            5,
            "Dreigingsniveau 5 betekent dat er zeer concrete aanwijzingen zijn.",
            "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 000 0000 (demonummer)",
            1,
            "gemeente",
            measures,
            true));
    PageClient mayor = PageClient.login(port, "gezag-utrecht");

    Page page = mayor.get("/meldingen/melding?id=" + encode(notice));

    assertThat(page.status()).isEqualTo(200);
    String body = page.body();
    assertThat(body)
        .contains("Maatregelen voor u als gemeente")
        .contains("Lijst maatregelen bij dreigingsniveau 5, versie 1")
        .contains("070 000 0000")
        .contains("provincie Utrecht");
    measures.forEach(m -> assertThat(body).contains(escape(m)));
    assertThat(body.indexOf("id=\"maatregelen\"")).isLessThan(body.indexOf("id=\"bevestigen\""));
    assertThat(api.get("/api/v1/notifications?open=true", "gezag-utrecht").json().toString())
        .contains("\"measuresVersion\":1")
        .contains("\"measuresRole\":\"gemeente\"");
  }

  @Test
  void theBeheerderSavesANewVersionWhichTheWorkersReceiveAndTheOldOneStaysReadable() {
    int before = api.get("/api/v1/measures", "beheerder").json().at("/current/version").asInt();
    PageClient beheerder = PageClient.login(port, "beheerder");
    Page page = beheerder.get("/maatregelen");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("versie " + before)
        .contains("id=\"veld-GEMEENTE\"")
        .contains("Nieuwe versie vastleggen");

    List<String> form = new ArrayList<>(List.of("basedOnVersion", String.valueOf(before)));
    for (MeasureRole role : MeasureRole.values()) {
      form.add(role.name());
      form.add(
          role == MeasureRole.GEMEENTE
              ? "Open de gemeentelijke opvanglocaties.\n\nGeef inwoners handelingsperspectief."
              : "Maatregel voor " + role.label() + ".");
    }
    Page saved = beheerder.post("/maatregelen", form.toArray(String[]::new));

    assertThat(saved.status()).isEqualTo(302);
    int next = before + 1;
    Page after = beheerder.get("/maatregelen");
    assertThat(after.body())
        .contains("Versie " + next + " van de maatregelen is vastgelegd")
        .contains("versie " + next)
        .contains("id=\"versie-" + next + "\"")
        .contains("id=\"versie-1\"")
        .contains("Ruben Kok, beheerder knooppunt");
    var current = api.get("/api/v1/measures", "gezag-utrecht").json().path("current");
    assertThat(current.path("version").asInt()).isEqualTo(next);
    assertThat(current.at("/measures/GEMEENTE"))
        .extracting(n -> n.asText())
        .containsExactly(
            "Open de gemeentelijke opvanglocaties.", "Geef inwoners handelingsperspectief.");

    MeasuresSet onTopic = awaitVersionOnTheMeasuresTopic(next);
    assertThat(onTopic.measures().get("GEMEENTE"))
        .containsExactly(
            "Open de gemeentelijke opvanglocaties.", "Geef inwoners handelingsperspectief.");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from logbook where event_id = ?",
                Integer.class,
                "maatregelen/v" + next))
        .isEqualTo(1);
  }

  @Test
  void aRoleWithoutMeasuresIsRefusedBesideItsFieldAndAStaleEditIsAConflict() {
    int current = api.get("/api/v1/measures", "beheerder").json().at("/current/version").asInt();
    PageClient beheerder = PageClient.login(port, "beheerder");
    beheerder.get("/maatregelen");
    List<String> form = new ArrayList<>(List.of("basedOnVersion", String.valueOf(current)));
    for (MeasureRole role : MeasureRole.values()) {
      form.add(role.name());
      form.add(role == MeasureRole.OM ? "  " : "Maatregel.");
    }

    Page refused = beheerder.post("/maatregelen", form.toArray(String[]::new));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"foutsamenvatting\"")
        .contains("href=\"#veld-OM\"")
        .contains("Geef voor de rol Openbaar Ministerie ten minste één maatregel.")
        .contains("aria-describedby=\"hint-maatregelen fout-OM\"");
    assertThat(api.get("/api/v1/measures", "beheerder").json().at("/current/version").asInt())
        .isEqualTo(current);

    var stale =
        api.post(
            "/api/v1/measures",
            "beheerder",
            Map.of(
                "basedOnVersion",
                current + 5,
                "measures",
                Map.of(
                    "GEMEENTE", List.of("a"),
                    "VEILIGHEIDSREGIO", List.of("b"),
                    "POLITIE_EENHEID", List.of("c"),
                    "OM", List.of("d"),
                    "PARTNER", List.of("e"))));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.isProblem()).isTrue();
    PageClient mayor = PageClient.login(port, "gezag-utrecht");
    assertThat(mayor.get("/maatregelen").body())
        .contains("Maatregelen bij dreigingsniveau 5")
        .doesNotContain("Nieuwe versie vastleggen");
    assertThat(mayor.post("/maatregelen", form.toArray(String[]::new)).status()).isEqualTo(403);
  }

  private MeasuresSet awaitVersionOnTheMeasuresTopic(int version) {
    Map<String, Object> props = KafkaTestUtils.consumerProps("maatregelen-test", "false", kafka);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      consumer.subscribe(List.of(Topic.Names.MEASURES));
      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream()
                    .filter(r -> Topic.MEASURES_KEY.equals(r.key()))
                    .map(r -> CloudEventJson.read(r.value()).data())
                    .filter(d -> d instanceof MeasuresSet m && m.version() == version)
                    .map(MeasuresSet.class::cast)
                    .findFirst()
                    .orElse(null);
              },
              m -> m != null);
    }
  }

  private static String escape(String text) {
    return text.replace("'", "&#39;").replace("\"", "&quot;");
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
