package nl.knooppunt.gateway.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.FakeOrchestration;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.ContactChainSet;
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
 * The contact register (#19): the beheerder and a region keep the chains of their authorities on
 * /contacten, every change a version with an audit row and a record on the contacts topic; CSV in
 * and out; the reachability test of a chain reports the one who did not confirm.
 */
class ContactPagesIT extends GatewayITBase {

  @Autowired EmbeddedKafkaBroker kafka;
  @Autowired ContactRegister register;

  private static String[] person(
      int basedOn, String order, String position, String name, String email, String sms) {
    return new String[] {
      "basedOnVersion",
      String.valueOf(basedOn),
      "plaats",
      "-1",
      "volgorde",
      order,
      "positie",
      position,
      "naam",
      name,
      "functie",
      "",
      "email",
      email,
      "sms",
      sms,
      "telefoon",
      "",
      "piket",
      ""
    };
  }

  private int version(String code) {
    List<Integer> v =
        jdbc.queryForList(
            "select version from contact_chain where authority_code = ?", Integer.class, code);
    return v.isEmpty() ? 0 : v.get(0);
  }

  private int auditRows(String code) {
    return jdbc.queryForObject(
        "select count(*) from contact_audit where authority_code = ?", Integer.class, code);
  }

  @Test
  void anInvalidNumberAndEmailAreNamedOnThePageAndNothingIsSaved() {
    PageClient beheerder = PageClient.login(port, "beheerder");
    assertThat(beheerder.get("/contacten/autoriteit/BM-GM0310/personen/nieuw").status())
        .isEqualTo(200);

    Page refused =
        beheerder.post(
            "/contacten/autoriteit/BM-GM0310/personen",
            person(0, "1", "HOUDER", "Sjoerd Potters", "burgemeester@@debilt", "0612"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"foutsamenvatting\"")
        .contains("href=\"#veld-email\"")
        .contains("href=\"#veld-sms\"")
        .contains("Geef een geldig e-mailadres")
        .contains("Geef het nummer in internationale vorm")
        .contains("aria-describedby=\"hint-nummer fout-sms\"")
        .contains("value=\"Sjoerd Potters\"");
    assertThat(version("BM-GM0310")).isZero();
    assertThat(auditRows("BM-GM0310")).isZero();
  }

  @Test
  void aRegionChangesItsOwnMayorsChainAVersionWithAnAuditRowAndTheChainOnTheContactsTopic() {
    PageClient region = PageClient.login(port, "regio-utrecht");
    assertThat(region.get("/contacten").body())
        .contains("Burgemeester van Amersfoort")
        .doesNotContain("Burgemeester van Amsterdam");
    region.get("/contacten/autoriteit/BM-GM0307/personen/nieuw");

    Page saved =
        region.post(
            "/contacten/autoriteit/BM-GM0307/personen",
            person(
                0, "1", "HOUDER", "Lucas Kiel", "burgemeester@amersfoort.example", "06 12345678"));

    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    assertThat(version("BM-GM0307")).isEqualTo(1);
    region.get("/contacten/autoriteit/BM-GM0307/personen/nieuw");
    region.post(
        "/contacten/autoriteit/BM-GM0307/personen",
        person(1, "2", "PLAATSVERVANGER", "Rosa Veen", "", "+31687654321"));
    assertThat(version("BM-GM0307")).isEqualTo(2);
    assertThat(auditRows("BM-GM0307")).isEqualTo(2);
    Map<String, Object> audit =
        jdbc.queryForMap(
            "select * from contact_audit where authority_code = 'BM-GM0307' order by id desc"
                + " limit 1");
    assertThat(audit.get("changed_by")).isEqualTo("regio-utrecht");
    assertThat(audit.get("source")).isEqualTo("PAGINA");
    assertThat((String) audit.get("before_chain")).contains("Lucas Kiel").doesNotContain("Rosa");
    assertThat((String) audit.get("after_chain")).contains("Lucas Kiel").contains("Rosa Veen");

    Page page = region.get("/contacten/autoriteit/BM-GM0307");
    assertThat(page.body())
        .contains("versie 2")
        .contains("1. Lucas Kiel")
        .contains("sms +31612345678")
        .contains("2. Rosa Veen")
        .contains("persoon toegevoegd: Rosa Veen");
    assertThat(page.body().indexOf("persoon toegevoegd: Rosa Veen"))
        .as("the audit trail, newest first")
        .isLessThan(page.body().indexOf("persoon toegevoegd: Lucas Kiel"));

    ContactChainSet onTopic = awaitChainOnTheContactsTopic("BM-GM0307", 2);
    assertThat(onTopic.demo()).isFalse();
    assertThat(onTopic.changedBy()).isEqualTo("regio-utrecht");
    assertThat(onTopic.chain())
        .extracting(ContactChainSet.Person::name)
        .containsExactly("Lucas Kiel", "Rosa Veen");
    assertThat(onTopic.chain().get(0).channels())
        .containsExactly(
            new ContactChainSet.Address("EMAIL", "burgemeester@amersfoort.example"),
            new ContactChainSet.Address("SMS", "+31612345678"));

    Page stale =
        region.post(
            "/contacten/autoriteit/BM-GM0307/personen",
            person(1, "3", "OFFICIER_VAN_DIENST", "Te laat", "ovd@vru.example", ""));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(version("BM-GM0307")).isEqualTo(2);
  }

  @Test
  void aRegionCannotSeeOrChangeAnotherRegionsAuthorityAndOtherRolesNotTheRegister() {
    PageClient amsterdam = PageClient.login(port, "regio-amsterdam");
    assertThat(amsterdam.get("/contacten").body())
        .contains("Burgemeester van Amsterdam")
        .doesNotContain("Burgemeester van Utrecht");
    assertThat(amsterdam.get("/contacten/autoriteit/BM-GM0344").status()).isEqualTo(403);
    assertThat(amsterdam.get("/contacten/autoriteit/BM-GM0363").status()).isEqualTo(200);
    Page refused =
        amsterdam.post(
            "/contacten/autoriteit/BM-GM0344/personen",
            person(0, "1", "HOUDER", "Niet van Amsterdam", "a@b.example", ""));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(version("BM-GM0344")).isZero();

    for (String user : List.of("operator", "gezag-utrecht", "management", "politie")) {
      PageClient other = PageClient.login(port, user);
      assertThat(other.get("/contacten").status()).as(user).isEqualTo(403);
      assertThat(other.get("/contacten/autoriteit/BM-GM0344").status()).as(user).isEqualTo(403);
      assertThat(other.get("/contacten/export.csv").status()).as(user).isEqualTo(403);
      assertThat(other.get("/contacten").body()).doesNotContain("href=\"/contacten\"");
    }
    assertThat(PageClient.login(port, "beheerder").get("/contacten").body())
        .contains("href=\"/contacten\"")
        .contains("Burgemeester van Amsterdam")
        .contains("Burgemeester van Utrecht");
  }

  @Test
  void withoutARegisterChainTheDemoChainFromTheDirectoryIsShownReadOnlyAndMarkedDemo() {
    PageClient beheerder = PageClient.login(port, "beheerder");
    Page overview = beheerder.get("/contacten?regio=VR09&rol=BURGEMEESTER");
    assertThat(overview.body())
        .contains("Burgemeester van IJsselstein")
        .contains(ContactPages.DEMO_LABEL)
        .doesNotContain("Burgemeester van Amsterdam");
    Page page = beheerder.get("/contacten/autoriteit/BM-GM0353");
    assertThat(page.body())
        .contains("id=\"demo-keten\"")
        .contains("demonummer")
        .contains(ContactPages.DEMO_LABEL)
        .doesNotContain("id=\"bereikbaarheidstest\"");
  }

  @Test
  void aCsvExportImportsBackAndAnImportWithOneBadLineChangesNothingAndNamesTheLine() {
    PageClient beheerder = PageClient.login(port, "beheerder");
    beheerder.get("/contacten");
    Page first =
        beheerder.post(
            "/contacten/import",
            "inhoud",
            String.join(
                "\n",
                String.join(";", ContactCsv.COLUMNS),
                "BM-GM0321;1;HOUDER;Gert-Jan Kats;burgemeester;gjk@houten.example;06-11122233;;",
                "BM-GM0321;2;PLAATSVERVANGER;\"Kim; de Wit\";loco-burgemeester;;;+31301234567;"
                    + "2026-12-07T08:00/2026-12-14T08:00|2026-12-21T08:00/2026-12-28T08:00"));
    assertThat(first.status()).as(first.body()).isEqualTo(302);
    assertThat(version("BM-GM0321")).isEqualTo(1);

    Page export = beheerder.get("/contacten/export.csv");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body())
        .startsWith("autoriteit;volgorde;positie;naam;functie;email;sms;telefoon;piket")
        .contains("BM-GM0321;1;HOUDER;Gert-Jan Kats;burgemeester;gjk@houten.example;+31611122233;;")
        .contains(
            "BM-GM0321;2;PLAATSVERVANGER;\"Kim; de Wit\";loco-burgemeester;;;+31301234567;"
                + "2026-12-07T08:00+01:00/2026-12-14T08:00+01:00|"
                + "2026-12-21T08:00+01:00/2026-12-28T08:00+01:00");
    Map<String, Integer> before = new java.util.HashMap<>();
    jdbc.query(
        "select authority_code, version from contact_chain",
        rs -> {
          before.put(rs.getString(1), rs.getInt(2));
        });

    Page same = beheerder.post("/contacten/import", "inhoud", export.body());
    assertThat(same.status()).as(same.body()).isEqualTo(302);
    assertThat(version("BM-GM0321")).as("the same chain is no change").isEqualTo(1);

    List<String> lines = new ArrayList<>(export.body().lines().toList());
    int kim = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("Kim; de Wit")) {
        kim = i;
      }
    }
    lines.set(kim, lines.get(kim).replace("Kim; de Wit", "Kim de Wit"));
    Page changed = beheerder.post("/contacten/import", "inhoud", String.join("\n", lines));
    assertThat(changed.status()).isEqualTo(302);
    assertThat(version("BM-GM0321")).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select source from contact_audit where authority_code = 'BM-GM0321' order by id"
                    + " desc limit 1",
                String.class))
        .isEqualTo("CSV");
    jdbc.query(
        "select authority_code, version from contact_chain",
        rs -> {
          String code = rs.getString(1);
          if (before.containsKey(code) && !code.equals("BM-GM0321")) {
            assertThat(rs.getInt(2)).as(code).isEqualTo(before.get(code));
          }
        });

    List<String> bad =
        new ArrayList<>(
            lines.stream().map(l -> l.replace("Gert-Jan Kats", "Gert-Jan Kats (nieuw)")).toList());
    bad.add(2, "BM-GM0321;3;OFFICIER_VAN_DIENST;Officier van dienst;ovd;ovd@vru.example;0301;;");
    Page refused = beheerder.post("/contacten/import", "inhoud", String.join("\n", bad));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"importfouten\"")
        .contains("Regel 3, kolom sms: Geef het nummer in internationale vorm");
    assertThat(version("BM-GM0321")).isEqualTo(2);
    assertThat(beheerder.get("/contacten/autoriteit/BM-GM0321").body()).doesNotContain("(nieuw)");

    PageClient amsterdam = PageClient.login(port, "regio-amsterdam");
    amsterdam.get("/contacten");
    Page foreign = amsterdam.post("/contacten/import", "inhoud", String.join("\n", lines));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("kolom autoriteit: u mag de contactketen van BM-GM0321");
    assertThat(amsterdam.get("/contacten/export.csv").body()).doesNotContain("BM-GM0321");
  }

  @Test
  void aProductionGatewayRefusesToStartWhileTheRegisterHoldsADemoPerson() {
    ContactRegisterProductionCheck check = new ContactRegisterProductionCheck(register);
    long already = register.demoPeople();
    assertThat(already).isZero();
    check.run(null);
    jdbc.update(
        "insert into contact_chain (authority_code, version, changed_by, changed_at) values"
            + " ('BM-GM0352', 1, 'test', now())");
    jdbc.update(
        "insert into contact_person (authority_code, place, chain_order, position, name, demo)"
            + " values ('BM-GM0352', 0, 1, 'HOUDER', 'Demo', true)");
    try {
      assertThatThrownBy(() -> check.run(null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("holds 1 demo person(s)");
    } finally {
      jdbc.update("delete from contact_chain where authority_code = 'BM-GM0352'");
    }
  }

  @Test
  void theReachabilityTestOfAChainReportsTheOneWhoDidNotConfirm() {
    PageClient beheerder = PageClient.login(port, "beheerder");
    beheerder.get("/contacten");
    beheerder.post(
        "/contacten/import",
        "inhoud",
        String.join(
            "\n",
            String.join(";", ContactCsv.COLUMNS),
            "BM-GM0356;1;HOUDER;Frans Backhuijs;burgemeester;fb@nieuwegein.example;0611111111;;",
            "BM-GM0356;2;PLAATSVERVANGER;Hans Adriani;loco-burgemeester;ha@nieuwegein.example;"
                + "0622222222;;",
            "BM-GM0356;3;OFFICIER_VAN_DIENST;Ilse Bos;officier van dienst;;0633333333;;"));
    assertThat(version("BM-GM0356")).isEqualTo(1);
    int crises = jdbc.queryForObject("select count(*) from crisis", Integer.class);
    int starts = starts();

    Page started = beheerder.post("/contacten/autoriteit/BM-GM0356/bereikbaarheidstest");

    assertThat(started.status()).isEqualTo(302);
    String reference = started.location().substring(started.location().lastIndexOf('/') + 1);
    assertThat(reference).startsWith("BT-");
    assertThat(starts()).isEqualTo(starts + 1);
    FakeOrchestration.Call start =
        engine.calls.stream().filter(c -> c.what().equals("start")).reduce((a, b) -> b).get();
    assertThat(start.key()).isEqualTo(ProcessId.INFORMEER_GEZAGEN.id());
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) start.payload();
    assertThat(vars)
        .containsEntry("crisisId", reference)
        .containsEntry("referentie", reference)
        .containsEntry("exercise", true)
        .containsEntry("heleKeten", true)
        .containsEntry("slaBevestiging", ReachabilityTests.SLA);
    assertThat(vars.get("ontvangers").toString()).contains("code=BM-GM0356").contains("GEZAG");
    assertThat(vars.get("bericht").toString()).contains("soort=BEREIKBAARHEIDSTEST");
    assertThat(jdbc.queryForObject("select count(*) from crisis", Integer.class))
        .as("a test is no crisis")
        .isEqualTo(crises);

    String notification = reference + "/BM-GM0356";
    String[][] sent = {
      {"1", "Frans Backhuijs", "SMS", "+31611111111"},
      {"2", "Hans Adriani", "SMS", "+31622222222"},
      {"3", "Ilse Bos", "SMS", "+31633333333"}
    };
    for (String[] s : sent) {
      jdbc.update(
          "insert into delivery_attempt (event_id, notification_id, crisis_id, recipient_code,"
              + " chain_order, person, channel, address, status, exercise, attempted_at) values"
              + " (?, ?, ?, 'BM-GM0356', ?, ?, ?, ?, 'GEACCEPTEERD', true, now())",
          notification + "/" + s[0],
          notification,
          reference,
          Integer.parseInt(s[0]),
          s[1],
          s[2],
          s[3]);
    }
    for (int order : new int[] {1, 3}) {
      jdbc.update(
          "insert into acknowledgement_link_use (fingerprint, notification_id, recipient_code,"
              + " chain_order, person, used_at) values (?, ?, 'BM-GM0356', ?, ?, now())",
          notification + "#" + order,
          notification,
          order,
          sent[order - 1][1]);
    }

    Page report = beheerder.get("/contacten/bereikbaarheidstest/" + reference);
    assertThat(report.status()).isEqualTo(200);
    String body = report.body();
    assertThat(body).contains("1 van de 3 personen bevestigde(n) (nog) niet.");
    String silent = item(body, "resultaat-2");
    assertThat(silent)
        .contains("Hans Adriani")
        .contains("niet bevestigd")
        .contains("class=\"tekst-rood\"")
        .contains("Sms +31622222222: afgeleverd");
    assertThat(item(body, "resultaat-1")).contains("bevestigd").doesNotContain("niet bevestigd");
    assertThat(item(body, "resultaat-3")).doesNotContain("niet bevestigd");
    assertThat(beheerder.get("/contacten/autoriteit/BM-GM0356").body())
        .contains(reference)
        .contains("bereikbaarheidstest " + reference + " gestart");

    Page ended = beheerder.post("/contacten/bereikbaarheidstest/" + reference + "/beeindigen");
    assertThat(ended.status()).isEqualTo(302);
    assertThat(engine.calls)
        .contains(new FakeOrchestration.Call("cancel", String.valueOf(engine.lastStarted), null));
    assertThat(
            PageClient.login(port, "regio-amsterdam")
                .get("/contacten/bereikbaarheidstest/" + reference)
                .status())
        .isEqualTo(403);
  }

  private int starts() {
    return (int) engine.calls.stream().filter(c -> c.what().equals("start")).count();
  }

  private static String item(String body, String id) {
    int from = body.indexOf("id=\"" + id + "\"");
    assertThat(from).as(id).isPositive();
    return body.substring(from, body.indexOf("</li>", body.indexOf("</ul>", from) + 1));
  }

  private ContactChainSet awaitChainOnTheContactsTopic(String code, int version) {
    Map<String, Object> props = KafkaTestUtils.consumerProps("contacten-test", "false", kafka);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      consumer.subscribe(List.of(Topic.Names.CONTACTS));
      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream()
                    .filter(r -> code.equals(r.key()))
                    .map(r -> CloudEventJson.read(r.value()).data())
                    .filter(d -> d instanceof ContactChainSet c && c.version() == version)
                    .map(ContactChainSet.class::cast)
                    .findFirst()
                    .orElse(null);
              },
              c -> c != null);
    }
  }
}
